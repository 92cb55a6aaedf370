package dev.iamgate.example.api;

import static dev.iamgate.example.api.Parameters.required;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.mfa.AssignmentStatus;
import dev.iamgate.example.mfa.VirtualMfaDevices;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.MfaEvidence;
import java.io.IOException;
import java.util.Map;

/**
 * Virtual MFA devices of the account (list, create, delete) and the MFA devices of a user (list,
 * enable, resync, deactivate). In paths, a device is named by its name: the last part of its serial
 * number {@code arn:aws:iam::ACCOUNT:mfa/NAME}.
 */
final class MfaRoutes {

    /** CreateVirtualMFADevice: only the root path is supported, so the serial is {@code mfa/NAME}. */
    record CreateRequest(String path) {}

    /** EnableMFADevice. */
    record EnableRequest(String serialNumber, String authenticationCode1, String authenticationCode2) {}

    /** ResyncMFADevice; the serial number, if given, must be the path's device. */
    record ResyncRequest(String serialNumber, String authenticationCode1, String authenticationCode2) {}

    private final Account account;
    private final VirtualMfaDevices devices;
    private final Attempts attempts;

    MfaRoutes(Account account, VirtualMfaDevices devices, Attempts attempts) {
        this.account = account;
        this.devices = devices;
        this.attempts = attempts;
    }

    void register(Router router) {
        router.add("GET", "/api/mfa/virtual-devices", request -> Reply.ok(UserRoutes.page("VirtualMFADevices",
                devices.list(AssignmentStatus.parse(request.query("AssignmentStatus").orElse(null))))));
        router.add("POST", "/api/mfa/virtual-devices/{name}", this::create);
        router.add("DELETE", "/api/mfa/virtual-devices/{name}", request -> {
            devices.delete(request.variable("name"));
            return Reply.noContent();
        });
        router.add("GET", "/api/users/{user}/mfa-devices",
                request -> Reply.ok(UserRoutes.page("MFADevices", devices.listFor(request.user()))));
        router.add("POST", "/api/users/{user}/mfa-devices", this::enable);
        router.add("POST", "/api/users/{user}/mfa-devices/{serial}/resync", this::resync);
        router.add("DELETE", "/api/users/{user}/mfa-devices/{serial}", request -> {
            devices.deactivate(request.user(), request.variable("serial"));
            return Reply.noContent();
        });
    }

    private Reply create(ApiRequest request) throws IOException {
        String path = request.optionalBody(CreateRequest.class).path();
        if (path != null && !path.equals("/")) {
            // The route's resource is mfa/NAME: a device elsewhere would not be the one authorised.
            throw IamException.invalidInput("Path must be / (devices live at the root path).");
        }
        return Reply.ok(Map.of("VirtualMFADevice", devices.create(request.variable("name"))));
    }

    private Reply enable(ApiRequest request) throws IOException {
        EnableRequest body = request.body(EnableRequest.class);
        String serial = required("SerialNumber", body.serialNumber());
        // The seed policy lets a user without MFA enable a device, so that she can set MFA up. Once she
        // has a device, a second one (whose seed someone else may hold) needs her to have used MFA:
        // otherwise her password alone would make a second factor.
        Caller caller = request.caller();
        boolean self = caller.principal().userName().filter(request.user()::equals).isPresent();
        boolean mayAddDevice = !self || caller.mfa() instanceof MfaEvidence.Used;
        attempts.guarded(request.user(), request.address(), () -> devices.enable(request.user(), serial,
                body.authenticationCode1(), body.authenticationCode2(), mayAddDevice));
        return Reply.noContent();
    }

    private Reply resync(ApiRequest request) throws IOException {
        ResyncRequest body = request.body(ResyncRequest.class);
        String name = request.variable("serial");
        if (body.serialNumber() != null && !body.serialNumber().equals(account.mfaSerial(name))) {
            throw IamException.invalidInput("SerialNumber does not name the device of the path.");
        }
        attempts.guarded(request.user(), request.address(), () ->
                devices.resync(request.user(), name, body.authenticationCode1(), body.authenticationCode2()));
        return Reply.noContent();
    }
}
