/// A JSON value whose objects keep their members in the order they were written.
///
/// Foundation's `JSONEncoder` orders members by hash (or alphabetically); protobuf-JSON
/// output reads best, and diffs best, in field declaration order, so the writer builds this
/// tree and serialises it itself.
enum ProtoJSONNode {
    case null
    case bool(Bool)
    /// A number, already in its JSON text form.
    case number(String)
    case string(String)
    case array([ProtoJSONNode])
    case object([(name: String, value: ProtoJSONNode)])

    /// Serialises the value: compact, or indented by two spaces with `": "` separators.
    func serialized(pretty: Bool) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, depth: 0)
        if pretty { output.append(UInt8(ascii: "\n")) }
        return output
    }

    private func write(to output: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null:
            output += Array("null".utf8)
        case .bool(let value):
            output += Array((value ? "true" : "false").utf8)
        case .number(let text):
            output += Array(text.utf8)
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, pretty: pretty, depth: depth + 1)
                element.write(to: &output, pretty: pretty, depth: depth + 1)
            }
            if !elements.isEmpty { Self.newline(&output, pretty: pretty, depth: depth) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, pretty: pretty, depth: depth + 1)
                Self.writeString(member.name, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                member.value.write(to: &output, pretty: pretty, depth: depth + 1)
            }
            if !members.isEmpty { Self.newline(&output, pretty: pretty, depth: depth) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], pretty: Bool, depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output += [UInt8](repeating: UInt8(ascii: " "), count: depth * 2)
    }

    // Escapes only what JSON requires; everything else, including non-ASCII such as the
    // em dash in checkpoint signature lines, is written as UTF-8.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
