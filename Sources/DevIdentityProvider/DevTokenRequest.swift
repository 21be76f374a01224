import OIDC

/// The body of the dev-only minting endpoint (`POST /oidc/dev/token`), as `signet dev-token` sends it:
///
/// ```json
/// {"subject": "alice@example.test", "email": "alice@example.test", "audience": "sigstore",
///  "lifetimeSeconds": 600, "claims": {"team": "blue"},
///  "githubActions": {"repository": "octo/app", "ref": "refs/tags/v1"}}
/// ```
///
/// Every member is optional. With `githubActions` the subject and claims are GitHub's (see
/// ``GitHubActionsWorkflow``); otherwise the subject defaults to the email, then to
/// ``DevIdentityProvider/defaultUser`` (which also becomes the email).
struct DevTokenRequest: Decodable, Sendable {
    var subject: String?
    var email: String?
    var audience: String?
    var lifetimeSeconds: Double?
    var claims: [String: JSONValue]?
    var githubActions: GitHubActionsWorkflow?
}

/// The dev minting endpoint's answer: `{"token": "<JWT>"}`.
struct DevTokenResponse: Encodable, Sendable {
    var token: String
}
