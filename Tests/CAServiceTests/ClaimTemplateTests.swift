@testable import CAService
import Testing

@Suite struct ClaimTemplateTests {
    static let values = [
        "url": "https://gitlab.com", "project_path": "group/project", "ref": "main", "ref_type": "branch",
        "oidc.circleci.com/vcs-ref": "refs/heads/trunk", "oidc.circleci.com/ssh-rerun": "true", "empty": "",
    ]

    /// Templates from Fulcio's public-good configuration and what they render to.
    @Test(arguments: [
        ("event_name_missing_default", nil),
        ("project_path", "group/project"),
        ("{{ .url }}/{{ .project_path }}", "https://gitlab.com/group/project"),
        ("{{.url}}/{{.project_path}}/-/jobs", "https://gitlab.com/group/project/-/jobs"),
        (#"refs/{{if eq .ref_type "branch"}}heads/{{ else }}tags/{{end}}{{ .ref }}"#, "refs/heads/main"),
        (#"{{index . "oidc.circleci.com/vcs-ref"}}"#, "refs/heads/trunk"),
        (#"{{if eq (index . "oidc.circleci.com/ssh-rerun") "true"}}ssh-rerun{{ else }}""{{end}}"#, "ssh-rerun"),
        (#"{{ if eq .ref "tag" }}tag{{ end }}"#, ""),
        ("x{{ .empty }}y", "xy"),
    ] as [(String, String?)])
    func renders(_ source: String, _ expected: String?) throws {
        let template = try ClaimTemplate(source)
        if let expected {
            #expect(try template.render(Self.values) == expected)
        } else {
            #expect(throws: CAError.self) { try template.render(Self.values) }
        }
    }

    @Test func aTagRefTakesTheElseBranch() throws {
        var values = Self.values
        values["ref_type"] = "tag"
        values["ref"] = "v1.0"
        let template = try ClaimTemplate(#"refs/{{if eq .ref_type "branch"}}heads/{{ else }}tags/{{end}}{{ .ref }}"#)
        #expect(try template.render(values) == "refs/tags/v1.0")
    }

    @Test func aMissingClaimNamesIt() throws {
        let template = try ClaimTemplate("{{ .url }}/{{ .job_workflow_ref }}")
        let error = try #require(throws: CAError.self) { try template.render(["url": "https://github.com"]) }
        #expect(error.code == .invalidToken)
        #expect(error.message.contains("job_workflow_ref"))
    }

    /// Anything beyond the supported subset fails when the configuration loads, never at issuance.
    @Test(arguments: [
        "", "   ", "{{ .url", ".url }}", "{{ }}", "{{ .url | printf }}", "{{ range .x }}{{ end }}", "{{- .url -}}",
        "{{ if eq .a }}x{{ end }}", "{{ if .a }}x{{ end }}", "{{ if eq .a \"b\" }}x", "{{ else }}", "{{ end }}",
        "{{ index . url }}", "{{ (.url }}", "{{ \"unterminated }}", "{{ .a.b }}", "{{ $x }}",
    ])
    func refusesUnsupportedTemplates(_ source: String) {
        let error = #expect(throws: CAError.self) { try ClaimTemplate(source) }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test func reportsTheClaimsItReads() throws {
        let template = try ClaimTemplate(#"{{ .url }}/{{ if eq (index . "a/b") "x" }}{{ .c }}{{ end }}"#)
        #expect(template.referencedNames == ["url", "a/b", "c"])
    }
}
