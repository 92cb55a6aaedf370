package dev.iamgate.example.api;

import static dev.iamgate.example.api.Parameters.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.iamgate.example.credentials.AccessKeys;
import dev.iamgate.example.credentials.ServiceSpecificCredentials;
import dev.iamgate.example.credentials.SigningCertificates;
import dev.iamgate.example.credentials.SshPublicKeys;
import dev.iamgate.example.iam.Status;
import java.io.IOException;
import java.util.Map;

/**
 * A user's credentials: access keys, signing certificates, SSH public keys, service-specific
 * credentials. Every operation acts on the user the path names (the user the filter authorised)
 * and on that user's own credential: an id of another user's credential is {@code NoSuchEntity}.
 */
final class CredentialRoutes {

    /** UpdateAccessKey and friends. */
    record StatusRequest(String status) {}

    /** UploadSigningCertificate. */
    record CertificateRequest(String certificateBody) {}

    /** UploadSSHPublicKey. */
    record SshKeyRequest(@JsonProperty("SSHPublicKeyBody") String sshPublicKeyBody) {}

    /** CreateServiceSpecificCredential. */
    record ServiceRequest(String serviceName) {}

    private final AccessKeys accessKeys;
    private final SigningCertificates certificates;
    private final SshPublicKeys sshKeys;
    private final ServiceSpecificCredentials serviceCredentials;

    CredentialRoutes(AccessKeys accessKeys, SigningCertificates certificates, SshPublicKeys sshKeys,
            ServiceSpecificCredentials serviceCredentials) {
        this.accessKeys = accessKeys;
        this.certificates = certificates;
        this.sshKeys = sshKeys;
        this.serviceCredentials = serviceCredentials;
    }

    void register(Router router) {
        String keys = "/api/users/{user}/access-keys";
        router.add("GET", keys, request -> Reply.ok(UserRoutes.page("AccessKeyMetadata", accessKeys.list(request.user()))));
        router.add("POST", keys, request -> {
            request.optionalBody(Empty.class);
            return Reply.ok(Map.of("AccessKey", accessKeys.create(request.user())));
        });
        router.add("PATCH", keys + "/{id}", request -> {
            accessKeys.update(request.user(), request.variable("id"), status(request));
            return Reply.noContent();
        });
        router.add("DELETE", keys + "/{id}", request -> {
            accessKeys.delete(request.user(), request.variable("id"));
            return Reply.noContent();
        });

        String certs = "/api/users/{user}/signing-certificates";
        router.add("GET", certs, request -> Reply.ok(UserRoutes.page("Certificates", certificates.list(request.user()))));
        router.add("POST", certs, request -> Reply.ok(Map.of("Certificate", certificates.upload(request.user(),
                required("CertificateBody", request.body(CertificateRequest.class).certificateBody())))));
        router.add("PATCH", certs + "/{id}", request -> {
            certificates.update(request.user(), request.variable("id"), status(request));
            return Reply.noContent();
        });
        router.add("DELETE", certs + "/{id}", request -> {
            certificates.delete(request.user(), request.variable("id"));
            return Reply.noContent();
        });

        String ssh = "/api/users/{user}/ssh-public-keys";
        router.add("GET", ssh, request -> Reply.ok(UserRoutes.page("SSHPublicKeys", sshKeys.list(request.user()))));
        router.add("POST", ssh, request -> Reply.ok(Map.of("SSHPublicKey", sshKeys.upload(request.user(),
                required("SSHPublicKeyBody", request.body(SshKeyRequest.class).sshPublicKeyBody())))));
        router.add("GET", ssh + "/{id}", request -> Reply.ok(Map.of("SSHPublicKey", sshKeys.get(request.user(),
                request.variable("id"), SshPublicKeys.Encoding.parse(request.query("Encoding").orElse(null))))));
        router.add("PATCH", ssh + "/{id}", request -> {
            sshKeys.update(request.user(), request.variable("id"), status(request));
            return Reply.noContent();
        });
        router.add("DELETE", ssh + "/{id}", request -> {
            sshKeys.delete(request.user(), request.variable("id"));
            return Reply.noContent();
        });

        String service = "/api/users/{user}/service-specific-credentials";
        router.add("GET", service, request -> Reply.ok(UserRoutes.page("ServiceSpecificCredentials",
                serviceCredentials.list(request.user(), request.query("ServiceName")))));
        router.add("POST", service, request -> Reply.ok(Map.of("ServiceSpecificCredential", serviceCredentials.create(
                request.user(), required("ServiceName", request.body(ServiceRequest.class).serviceName())))));
        router.add("PATCH", service + "/{id}", request -> {
            serviceCredentials.update(request.user(), request.variable("id"), status(request));
            return Reply.noContent();
        });
        router.add("DELETE", service + "/{id}", request -> {
            serviceCredentials.delete(request.user(), request.variable("id"));
            return Reply.noContent();
        });
        router.add("POST", service + "/{id}/reset", request -> {
            request.optionalBody(Empty.class);
            return Reply.ok(Map.of("ServiceSpecificCredential",
                    serviceCredentials.reset(request.user(), request.variable("id"))));
        });
    }

    /** A body that must be empty or {@code {}}. */
    record Empty() {}

    private static Status status(ApiRequest request) throws IOException {
        return Status.parse(required("Status", request.body(StatusRequest.class).status()));
    }
}
