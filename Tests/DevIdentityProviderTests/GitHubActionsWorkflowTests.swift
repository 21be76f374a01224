import DevIdentityProvider
import Foundation
import OIDC
import Testing

@Suite struct GitHubActionsWorkflowTests {
    /// Same claim names as a real `token.actions.githubusercontent.com` token, all strings.
    @Test func emitsTheClaimsGitHubIssues() throws {
        let published = try JSONDecoder().decode([String: JSONValue].self, from: Fixture.data("github-actions-claims", extension: "json"))
        let workflow = GitHubActionsWorkflow(repository: "demo-org/demo-repo", workflowPath: ".github/workflows/ci.yml")
        var claims = try workflow.claims()
        claims["sub"] = .string(workflow.subject)
        #expect(Set(claims.keys) == Set(published.keys))
        #expect(claims.values.allSatisfy { $0.stringValue != nil })
        #expect(claims["sub"] == published["sub"])
        #expect(claims["repository_owner"] == published["repository_owner"])
        #expect(claims["workflow_ref"] == published["workflow_ref"])
        #expect(claims["ref_type"] == published["ref_type"])
        #expect(claims["runner_environment"] == published["runner_environment"])
    }

    @Test(arguments: [
        (GitHubActionsWorkflow(repository: "o/r"), "repo:o/r:ref:refs/heads/main"),
        (GitHubActionsWorkflow(repository: "o/r", ref: "refs/tags/v1"), "repo:o/r:ref:refs/tags/v1"),
        (GitHubActionsWorkflow(repository: "o/r", eventName: "pull_request"), "repo:o/r:pull_request"),
        (GitHubActionsWorkflow(repository: "o/r", eventName: "pull_request", environment: "prod"), "repo:o/r:environment:prod"),
    ])
    func formsTheSubjectAsGitHubDoes(_ workflow: GitHubActionsWorkflow, _ subject: String) {
        #expect(workflow.subject == subject)
    }

    @Test func describesReusableWorkflowsAndTags() throws {
        let workflow = GitHubActionsWorkflow(
            repository: "octo/app", ref: "refs/tags/v2.0.0", sha: String(repeating: "a", count: 40),
            jobWorkflowRef: "octo/shared/.github/workflows/build.yml@refs/heads/main"
        )
        let claims = try workflow.claims()
        #expect(claims["workflow_ref"] == "octo/app/.github/workflows/release.yml@refs/tags/v2.0.0")
        #expect(claims["job_workflow_ref"] == "octo/shared/.github/workflows/build.yml@refs/heads/main")
        #expect(claims["ref_type"] == "tag")
        #expect(claims["sha"] == .string(String(repeating: "a", count: 40)))
        #expect(claims["workflow"] == "release")
        #expect(claims["environment"] == nil)
    }

    @Test func derivesStableIdentifiersPerRepository() throws {
        let first = GitHubActionsWorkflow(repository: "octo/app")
        #expect(first == GitHubActionsWorkflow(repository: "octo/app"))
        let other = GitHubActionsWorkflow(repository: "octo/lib")
        #expect(first.repositoryID != other.repositoryID)
        #expect(first.repositoryOwnerID == other.repositoryOwnerID)
        #expect(first.sha.count == 40 && first.sha.allSatisfy(\.isHexDigit))
        #expect(Int(first.repositoryID) != nil)
    }

    @Test(arguments: ["noslash", "/repo", "owner/", "a/b/c"])
    func refusesMalformedRepositories(_ repository: String) {
        #expect { try GitHubActionsWorkflow(repository: repository).claims() } throws: {
            ($0 as? DevIdentityProviderError)?.code == .invalidRequest
        }
    }

    @Test func refusesMalformedRefsAndSHAs() {
        #expect(throws: DevIdentityProviderError.self) { try GitHubActionsWorkflow(repository: "o/r", ref: "main").claims() }
        #expect(throws: DevIdentityProviderError.self) { try GitHubActionsWorkflow(repository: "o/r", sha: "abc").claims() }
    }

    @Test func decodesTheDevEndpointFormWithDefaults() throws {
        let json = #"{"repository":"octo/app","ref":"refs/tags/v1","environment":"prod","runID":"77","repositoryID":"12"}"#
        let workflow = try JSONDecoder().decode(GitHubActionsWorkflow.self, from: Data(json.utf8))
        #expect(workflow.ref == "refs/tags/v1")
        #expect(workflow.environment == "prod")
        #expect(workflow.runID == "77")
        #expect(workflow.repositoryID == "12")
        #expect(workflow.eventName == "push")
        #expect(workflow.sha == GitHubActionsWorkflow(repository: "octo/app", ref: "refs/tags/v1").sha)
        let roundTripped = try JSONDecoder().decode(GitHubActionsWorkflow.self, from: JSONEncoder().encode(workflow))
        #expect(roundTripped == workflow)
    }
}
