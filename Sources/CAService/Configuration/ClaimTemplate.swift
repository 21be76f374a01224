import Foundation

/// A CI provider template (Fulcio's `ci-issuer-metadata`): either a bare claim name, or text
/// with `{{ … }}` actions in the subset of Go `text/template` that Fulcio's published templates
/// use:
///
/// - `{{ .name }}` and `{{ index . "name" }}` (for claim names with dots or slashes),
/// - `{{ if eq A B }}…{{ else }}…{{ end }}`, where `A` and `B` are such references or `"literals"`.
///
/// Anything else is refused when the configuration loads, so a template can never fail to parse
/// while issuing. A reference to a value that is neither a claim nor a default fails the request,
/// as Fulcio's `missingkey=error` does.
public struct ClaimTemplate: Sendable, Hashable, CustomStringConvertible {
    indirect enum Node: Sendable, Hashable {
        case text(String)
        case value(Expression)
        case conditional(left: Expression, right: Expression, then: [Node], otherwise: [Node])
    }

    enum Expression: Sendable, Hashable {
        case claim(String)
        case literal(String)
    }

    /// The template as written in the configuration.
    public let source: String
    let nodes: [Node]

    /// Parses a template; a string without `{{` is the name of a claim.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration`` for unbalanced braces, unknown actions,
    ///   or an `if` without its `end`.
    public init(_ source: String) throws {
        self.source = source
        if source.contains("{{") {
            var parser = ClaimTemplateParser(source)
            nodes = try parser.parseAll()
        } else {
            let name = source.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw CAError(.invalidConfiguration, "a claim template is empty") }
            guard !name.contains("}}") else { throw CAError(.invalidConfiguration, "template '\(source)': '}}' without '{{'") }
            nodes = [.value(.claim(name))]
        }
    }

    /// Renders the template over `values` (token claims laid over the provider's defaults).
    ///
    /// - Throws: ``CAError/Code/invalidToken`` naming the missing value.
    public func render(_ values: [String: String]) throws -> String {
        try Self.render(nodes, values)
    }

    /// The claim names the template reads, for error messages and validation.
    var referencedNames: Set<String> {
        Self.names(in: nodes)
    }

    public var description: String { source }

    private static func render(_ nodes: [Node], _ values: [String: String]) throws -> String {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let expression):
                output += try evaluate(expression, values)
            case .conditional(let left, let right, let then, let otherwise):
                output += try render(try evaluate(left, values) == evaluate(right, values) ? then : otherwise, values)
            }
        }
        return output
    }

    private static func evaluate(_ expression: Expression, _ values: [String: String]) throws -> String {
        switch expression {
        case .literal(let text):
            return text
        case .claim(let name):
            guard let value = values[name] else {
                throw CAError(.invalidToken, "the token has no '\(name)' claim, which this issuer's certificate template requires")
            }
            return value
        }
    }

    private static func names(in nodes: [Node]) -> Set<String> {
        var result = Set<String>()
        for node in nodes {
            switch node {
            case .text: break
            case .value(let expression): result.formUnion(names(in: expression))
            case .conditional(let left, let right, let then, let otherwise):
                result.formUnion(names(in: left))
                result.formUnion(names(in: right))
                result.formUnion(names(in: then))
                result.formUnion(names(in: otherwise))
            }
        }
        return result
    }

    private static func names(in expression: Expression) -> Set<String> {
        if case .claim(let name) = expression { return [name] }
        return []
    }
}
