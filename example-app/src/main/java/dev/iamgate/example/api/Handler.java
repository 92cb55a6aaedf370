package dev.iamgate.example.api;

/** Handles the requests of one route. Refusals are {@link dev.iamgate.example.iam.IamException}s. */
@FunctionalInterface
public interface Handler {

    Reply handle(ApiRequest request) throws java.io.IOException;
}
