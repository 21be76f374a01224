import Foundation

/// Parses the `{{ … }}` subset that ``ClaimTemplate`` supports.
struct ClaimTemplateParser {
    private enum Action {
        case value(ClaimTemplate.Expression)
        case ifEqual(ClaimTemplate.Expression, ClaimTemplate.Expression)
        case otherwise
        case end
    }

    private let source: String
    private var rest: Substring

    init(_ source: String) {
        self.source = source
        self.rest = source[...]
    }

    mutating func parseAll() throws -> [ClaimTemplate.Node] {
        let (nodes, terminator) = try parseNodes()
        if let terminator {
            throw failure("'{{ \(terminator) }}' without a matching '{{ if }}'")
        }
        return nodes
    }

    /// Parses nodes up to the end of input or an `else`/`end` action, which is returned.
    private mutating func parseNodes() throws -> ([ClaimTemplate.Node], String?) {
        var nodes: [ClaimTemplate.Node] = []
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                nodes.append(.text(try plainText(rest)))
                rest = rest[rest.endIndex...]
                break
            }
            if open.lowerBound > rest.startIndex {
                nodes.append(.text(try plainText(rest[..<open.lowerBound])))
            }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw failure("'{{' without '}}'")
            }
            let body = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            switch try parseAction(body) {
            case .value(let expression):
                nodes.append(.value(expression))
            case .otherwise:
                return (nodes, "else")
            case .end:
                return (nodes, "end")
            case .ifEqual(let left, let right):
                let (then, thenEnd) = try parseNodes()
                var otherwise: [ClaimTemplate.Node] = []
                switch thenEnd {
                case "end":
                    break
                case "else":
                    let (elseNodes, elseEnd) = try parseNodes()
                    guard elseEnd == "end" else { throw failure("'{{ else }}' without '{{ end }}'") }
                    otherwise = elseNodes
                default:
                    throw failure("'{{ if }}' without '{{ end }}'")
                }
                nodes.append(.conditional(left: left, right: right, then: then, otherwise: otherwise))
            }
        }
        return (nodes, nil)
    }

    private func plainText(_ text: Substring) throws -> String {
        if text.contains("}}") { throw failure("'}}' without '{{'") }
        return String(text)
    }

    private func parseAction(_ body: Substring) throws -> Action {
        var tokens = try tokenize(body)
        guard let first = tokens.first else { throw failure("empty action '{{}}'") }
        switch first {
        case "else":
            guard tokens.count == 1 else { throw failure("'else' takes no arguments") }
            return .otherwise
        case "end":
            guard tokens.count == 1 else { throw failure("'end' takes no arguments") }
            return .end
        case "if":
            tokens.removeFirst()
            guard tokens.first == "eq" else { throw failure("only '{{ if eq A B }}' conditions are supported") }
            tokens.removeFirst()
            let left = try expression(&tokens)
            let right = try expression(&tokens)
            guard tokens.isEmpty else { throw failure("'if eq' takes exactly two arguments") }
            return .ifEqual(left, right)
        default:
            let value = try expression(&tokens)
            guard tokens.isEmpty else { throw failure("unexpected '\(tokens.joined(separator: " "))' in an action") }
            return .value(value)
        }
    }

    /// One argument: `.name`, `index . "name"`, `( … )` around either, or a string literal.
    private func expression(_ tokens: inout [String]) throws -> ClaimTemplate.Expression {
        guard !tokens.isEmpty else { throw failure("missing argument") }
        let token = tokens.removeFirst()
        if token == "(" {
            let inner = try expression(&tokens)
            guard !tokens.isEmpty, tokens.removeFirst() == ")" else { throw failure("'(' without ')'") }
            return inner
        }
        if token == "index" {
            guard tokens.count >= 2, tokens.removeFirst() == "." else { throw failure("'index' must be 'index . \"claim\"'") }
            guard case .literal(let name) = try expression(&tokens) else { throw failure("'index . X' needs a quoted claim name") }
            return .claim(name)
        }
        if token.hasPrefix("\"") {
            return .literal(String(token.dropFirst()))
        }
        if token.hasPrefix("."), token.count > 1,
            token.dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            return .claim(String(token.dropFirst()))
        }
        throw failure("unsupported template argument '\(token)'")
    }

    /// Splits an action into words, parentheses and string literals (kept with a leading `"`).
    private func tokenize(_ body: Substring) throws -> [String] {
        if body.hasPrefix("-") || body.hasSuffix("-") {
            throw failure("whitespace trimming ('{{-', '-}}') is not supported")
        }
        var tokens: [String] = []
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if character == " " || character == "\t" {
                index = body.index(after: index)
            } else if character == "(" || character == ")" {
                tokens.append(String(character))
                index = body.index(after: index)
            } else if character == "\"" {
                var literal = "\""
                index = body.index(after: index)
                var closed = false
                while index < body.endIndex {
                    let next = body[index]
                    index = body.index(after: index)
                    if next == "\\" {
                        guard index < body.endIndex else { break }
                        literal.append(body[index])
                        index = body.index(after: index)
                    } else if next == "\"" {
                        closed = true
                        break
                    } else {
                        literal.append(next)
                    }
                }
                guard closed else { throw failure("unterminated string literal") }
                tokens.append(literal)
            } else {
                var word = ""
                while index < body.endIndex, !" \t()\"".contains(body[index]) {
                    word.append(body[index])
                    index = body.index(after: index)
                }
                tokens.append(word)
            }
        }
        return tokens
    }

    private func failure(_ problem: String) -> CAError {
        CAError(.invalidConfiguration, "template '\(source)': \(problem)")
    }
}
