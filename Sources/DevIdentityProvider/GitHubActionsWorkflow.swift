public import OIDC
import SigstoreCrypto

/// A GitHub Actions workflow run, for minting tokens shaped like the ones
/// `https://token.actions.githubusercontent.com` issues: the same subject format and the same
/// claims (all string-valued, as GitHub sends them), so a CA's GitHub issuer type can be tested
/// without GitHub.
///
/// Unset values get GitHub-like defaults; the commit SHA and numeric IDs are derived from the
/// repository name, so one repository always gets the same ones.
public struct GitHubActionsWorkflow: Sendable, Hashable {
    /// `owner/name`.
    public var repository: String
    /// The ref that triggered the run (`refs/heads/main`, `refs/tags/v1.0.0`).
    public var ref: String
    /// The commit SHA (40 hex digits).
    public var sha: String
    /// The workflow file, relative to the repository root.
    public var workflowPath: String
    /// The workflow's `name:`; GitHub's `workflow` claim.
    public var workflowName: String
    /// `push`, `pull_request`, `workflow_dispatch`, `release`, …
    public var eventName: String
    /// The deployment environment of the job, if any (changes the subject, as on GitHub).
    public var environment: String?
    /// `run_id`: the workflow run.
    public var runID: String
    /// `run_number`: the run's number within the workflow.
    public var runNumber: String
    /// `run_attempt`: which attempt of the run.
    public var runAttempt: String
    /// The job's check run (GitHub added `check_run_id` to tokens in November 2025).
    public var checkRunID: String
    /// `repository_id` (derived from the repository name unless set).
    public var repositoryID: String
    /// `repository_owner_id` (derived from the owner unless set).
    public var repositoryOwnerID: String
    /// `actor`: the account that triggered the run (default: the owner).
    public var actor: String
    /// `actor_id` (derived from the actor unless set).
    public var actorID: String
    /// `github-hosted` or `self-hosted`.
    public var runnerEnvironment: String
    /// `public`, `private` or `internal`.
    public var repositoryVisibility: String
    /// The reusable workflow that ran the job (`owner/repo/.github/workflows/x.yml@ref`);
    /// `nil` when the job ran in the calling workflow itself.
    public var jobWorkflowRef: String?

    /// A workflow run of `repository` with GitHub-like defaults for everything else.
    public init(
        repository: String,
        ref: String = "refs/heads/main",
        sha: String? = nil,
        workflowPath: String = ".github/workflows/release.yml",
        workflowName: String? = nil,
        eventName: String = "push",
        environment: String? = nil,
        runID: String = "1",
        runNumber: String = "1",
        runAttempt: String = "1",
        actor: String? = nil,
        runnerEnvironment: String = "github-hosted",
        repositoryVisibility: String = "public",
        jobWorkflowRef: String? = nil
    ) {
        let owner = String(repository.split(separator: "/", maxSplits: 1).first ?? "")
        self.repository = repository
        self.ref = ref
        self.sha = sha ?? Self.derivedHex(of: "sha:\(repository)@\(ref)")
        self.workflowPath = workflowPath
        self.workflowName = workflowName ?? String(workflowPath.split(separator: "/").last?.split(separator: ".").first ?? "workflow")
        self.eventName = eventName
        self.environment = environment
        self.runID = runID
        self.runNumber = runNumber
        self.runAttempt = runAttempt
        checkRunID = Self.derivedNumber(of: "check-run:\(repository)#\(runID)")
        repositoryID = Self.derivedNumber(of: "repository:\(repository)")
        repositoryOwnerID = Self.derivedNumber(of: "owner:\(owner)")
        self.actor = actor ?? owner
        actorID = Self.derivedNumber(of: "actor:\(actor ?? owner)")
        self.runnerEnvironment = runnerEnvironment
        self.repositoryVisibility = repositoryVisibility
        self.jobWorkflowRef = jobWorkflowRef
    }

    /// The repository owner, as in `repository_owner`.
    public var owner: String {
        String(repository.split(separator: "/", maxSplits: 1).first ?? "")
    }

    /// `owner/repo/<workflowPath>@<ref>`, as in `workflow_ref`.
    public var workflowRef: String {
        "\(repository)/\(workflowPath)@\(ref)"
    }

    /// The `sub` GitHub uses by default: by environment, pull request, or ref.
    public var subject: String {
        if let environment { return "repo:\(repository):environment:\(environment)" }
        if eventName == "pull_request" { return "repo:\(repository):pull_request" }
        return "repo:\(repository):ref:\(ref)"
    }

    /// The GitHub claims (everything except the registered `iss`, `sub`, `aud`, `iat`, `nbf`,
    /// `exp`, `jti`).
    ///
    /// - Throws: ``DevIdentityProviderError`` `.invalidRequest` when the repository is not
    ///   `owner/name`, the ref does not start with `refs/`, or the SHA is not 40 hex digits.
    public func claims() throws(DevIdentityProviderError) -> [String: JSONValue] {
        let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw DevIdentityProviderError(.invalidRequest, "repository must be owner/name, got \(repository)")
        }
        guard ref.hasPrefix("refs/") else {
            throw DevIdentityProviderError(.invalidRequest, "ref must start with refs/, got \(ref)")
        }
        guard sha.count == 40, sha.allSatisfy(\.isHexDigit) else {
            throw DevIdentityProviderError(.invalidRequest, "sha must be 40 hex digits")
        }
        var claims: [String: JSONValue] = [
            "ref": .string(ref),
            "ref_type": .string(ref.hasPrefix("refs/tags/") ? "tag" : "branch"),
            "ref_protected": "false",
            "sha": .string(sha),
            "repository": .string(repository),
            "repository_id": .string(repositoryID),
            "repository_owner": .string(owner),
            "repository_owner_id": .string(repositoryOwnerID),
            "repository_visibility": .string(repositoryVisibility),
            "run_id": .string(runID),
            "run_number": .string(runNumber),
            "run_attempt": .string(runAttempt),
            "check_run_id": .string(checkRunID),
            "actor": .string(actor),
            "actor_id": .string(actorID),
            "workflow": .string(workflowName),
            "workflow_ref": .string(workflowRef),
            "workflow_sha": .string(sha),
            "job_workflow_ref": .string(jobWorkflowRef ?? workflowRef),
            "job_workflow_sha": .string(sha),
            "event_name": .string(eventName),
            "head_ref": "",
            "base_ref": "",
            "runner_environment": .string(runnerEnvironment),
        ]
        if let environment {
            claims["environment"] = .string(environment)
        }
        return claims
    }

    private static func derivedHex(of seed: String) -> String {
        HashAlgorithm.sha256.hash(Array(seed.utf8)).prefix(20).map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// A stable decimal ID in GitHub's range (below 2^31) for `seed`.
    private static func derivedNumber(of seed: String) -> String {
        let digest = HashAlgorithm.sha256.hash(Array(seed.utf8))
        let value = digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } & 0x7FFF_FFFF
        return String(max(value, 1))
    }
}
