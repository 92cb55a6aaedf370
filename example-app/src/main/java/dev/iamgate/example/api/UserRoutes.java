package dev.iamgate.example.api;

import static dev.iamgate.example.api.Parameters.required;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Names;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.users.Passwords;
import dev.iamgate.example.users.User;
import dev.iamgate.example.users.Users;
import dev.iamgate.example.web.SessionStamps;
import dev.iamgate.servlet.Denial;
import dev.iamgate.servlet.IamGate;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Users (ListUsers, CreateUser, GetUser) and ChangePassword. */
final class UserRoutes {

    /** CreateUser: the name, and optionally a first console password. */
    record CreateUserRequest(String userName, String password) {}

    /** ChangePassword. */
    record ChangePasswordRequest(String oldPassword, String newPassword) {}

    private final Account account;
    private final Database database;
    private final Users users;
    private final Passwords passwords;
    private final Attempts attempts;

    UserRoutes(Account account, Database database, Users users, Passwords passwords, Attempts attempts) {
        this.account = account;
        this.database = database;
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
    }

    void register(Router router) {
        router.add("GET", "/api/users", request -> Reply.ok(page("Users", users.list())));
        router.add("POST", "/api/users", this::create);
        router.add("GET", "/api/users/{user}", request -> Reply.ok(Map.of("User", users.get(request.user()))));
        router.add("POST", "/api/users/{user}/password", this::changePassword);
    }

    private Reply create(ApiRequest request) throws IOException {
        CreateUserRequest body = request.body(CreateUserRequest.class);
        String userName = Names.require("UserName", required("UserName", body.userName()), Names.USER_NAME_MAX);
        // The route's resource is *, since the name is in the body; a Deny on some user ARNs must still refuse.
        Optional<Denial> refusal = IamGate.refusal(request.http(), "iam:CreateUser", account.userArn(userName));
        if (refusal.isPresent()) {
            throw new IamException(ErrorCode.ACCESS_DENIED, refusal.get().message());
        }
        Optional<String> password = Optional.ofNullable(body.password());
        User user = database.transaction(connection -> {
            User created = users.create(connection, userName);
            if (password.isPresent()) {
                // Hashing inside the transaction keeps "nothing stored unless the password complies" simple.
                passwords.setInitial(connection, userName, passwords.hashCompliant(connection, password.get()));
            }
            return created;
        });
        return Reply.ok(Map.of("User", user));
    }

    private Reply changePassword(ApiRequest request) throws IOException {
        String userName = request.user();
        if (!request.caller().principal().userName().filter(userName::equals).isPresent()) {
            // ChangePassword acts on the caller's own password, as in IAM; the path only names it.
            throw IamException.invalidInput("ChangePassword changes the caller's own password only.");
        }
        ChangePasswordRequest body = request.body(ChangePasswordRequest.class);
        String oldPassword = required("OldPassword", body.oldPassword());
        String newPassword = required("NewPassword", body.newPassword());
        attempts.guarded(userName, request.address(), () -> passwords.change(userName, oldPassword, newPassword));
        // Every other session of the user ends (SessionStamps); the one that changed it carries on, with a new id.
        SessionStamps.renew(request.http(), userName, passwords.stamp(userName));
        return Reply.noContent();
    }

    /** A list answer in IAM's shape, never truncated (the demo does not page). */
    static Map<String, Object> page(String member, Object items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(member, items);
        page.put("IsTruncated", false);
        return page;
    }
}
