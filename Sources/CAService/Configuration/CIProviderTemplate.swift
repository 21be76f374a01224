/// How a CI provider's token claims become a certificate (Fulcio's `ci-issuer-metadata`): the SAN
/// template, one template per Sigstore extension, and defaults for values tokens may lack.
public struct CIProviderTemplate: Sendable, Hashable {
    /// Values templates may use when the token has no claim of that name (claims win).
    public var defaultValues: [String: String]
    /// The template of each extension the provider fills.
    public var extensionTemplates: [SigstoreExtension: ClaimTemplate]
    /// The template of the leaf's URI SAN (typically the build signer URI).
    public var subjectAlternativeNameTemplate: ClaimTemplate

    public init(
        defaultValues: [String: String] = [:],
        extensionTemplates: [SigstoreExtension: ClaimTemplate],
        subjectAlternativeNameTemplate: ClaimTemplate
    ) {
        self.defaultValues = defaultValues
        self.extensionTemplates = extensionTemplates
        self.subjectAlternativeNameTemplate = subjectAlternativeNameTemplate
    }

    /// Renders the SAN and extensions from a token's claims (already flattened to strings).
    ///
    /// - Throws: ``CAError/Code/invalidToken`` when a template needs a claim the token lacks.
    func render(claims: [String: String]) throws -> (subjectAlternativeName: String, extensions: [SigstoreExtension: String]) {
        let values = defaultValues.merging(claims) { _, claim in claim }
        let subjectAlternativeName = try subjectAlternativeNameTemplate.render(values)
        var extensions: [SigstoreExtension: String] = [:]
        for (field, template) in extensionTemplates {
            extensions[field] = try template.render(values)
        }
        return (subjectAlternativeName, extensions)
    }

    /// GitHub Actions, as the public-good Fulcio maps it (interop contract §2.5): the SAN and build
    /// signer are `https://github.com/` + `job_workflow_ref`, the run invocation URI is
    /// `…/actions/runs/<run_id>/attempts/<run_attempt>`, the deprecated `.1.2`–`.1.6` carry the raw
    /// claims, and `.1.24` the token subject.
    public static let githubActions: CIProviderTemplate = {
        let templates: [SigstoreExtension: String] = [
            .githubWorkflowTrigger: "event_name",
            .githubWorkflowSHA: "sha",
            .githubWorkflowName: "workflow",
            .githubWorkflowRepository: "repository",
            .githubWorkflowRef: "ref",
            .buildSignerURI: "{{ .url }}/{{ .job_workflow_ref }}",
            .buildSignerDigest: "job_workflow_sha",
            .runnerEnvironment: "runner_environment",
            .sourceRepositoryURI: "{{ .url }}/{{ .repository }}",
            .sourceRepositoryDigest: "sha",
            .sourceRepositoryRef: "ref",
            .sourceRepositoryIdentifier: "repository_id",
            .sourceRepositoryOwnerURI: "{{ .url }}/{{ .repository_owner }}",
            .sourceRepositoryOwnerIdentifier: "repository_owner_id",
            .buildConfigURI: "{{ .url }}/{{ .workflow_ref }}",
            .buildConfigDigest: "workflow_sha",
            .buildTrigger: "event_name",
            .runInvocationURI: "{{ .url }}/{{ .repository }}/actions/runs/{{ .run_id }}/attempts/{{ .run_attempt }}",
            .sourceRepositoryVisibilityAtSigning: "repository_visibility",
            .deploymentEnvironment: "environment",
            .tokenSubject: "sub",
        ]
        // The templates above are constants checked by the tests; a parse failure is a programming error.
        return CIProviderTemplate(
            defaultValues: ["url": "https://github.com", "environment": ""],
            extensionTemplates: templates.mapValues { try! ClaimTemplate($0) },
            subjectAlternativeNameTemplate: try! ClaimTemplate("{{ .url }}/{{ .job_workflow_ref }}")
        )
    }()
}
