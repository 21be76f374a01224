#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One place in the tree being built; nested containers fill their own slot later.
///
/// A class so that containers handed out earlier still write into the tree. Each encode
/// call builds and discards its own tree on one thread, so slots never cross isolation
/// domains (and are not `Sendable`).
final class ProtoJSONSlot {
    enum Content {
        case empty
        case value(ProtoJSONNode)
        case object([(name: String, slot: ProtoJSONSlot)])
        case array([ProtoJSONSlot])
    }

    var content: Content = .empty

    func becomeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    /// A new slot for member `name`; writing the same member twice keeps the last value.
    func member(_ name: String) -> ProtoJSONSlot {
        guard case .object(var members) = content else { preconditionFailure("not an object") }
        let child = ProtoJSONSlot()
        if let index = members.firstIndex(where: { $0.name == name }) {
            members[index].slot = child
        } else {
            members.append((name, child))
        }
        content = .object(members)
        return child
    }

    func appendElement() -> ProtoJSONSlot {
        guard case .array(var elements) = content else { preconditionFailure("not an array") }
        let child = ProtoJSONSlot()
        elements.append(child)
        content = .array(elements)
        return child
    }

    /// True until something was written here.
    var isEmpty: Bool {
        if case .empty = content { return true }
        return false
    }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }

    func resolved() -> ProtoJSONNode {
        switch content {
        case .empty: .object([])
        case .value(let node): node
        case .object(let members): .object(members.map { ($0.name, $0.slot.resolved()) })
        case .array(let elements): .array(elements.map { $0.resolved() })
        }
    }

    /// Stores a scalar, or encodes a nested value into this slot.
    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: content = .value(.string(text))
        case let flag as Bool: content = .value(.bool(flag))
        case let number as any BinaryInteger: content = .value(.number(String(describing: number)))
        case let number as Double: content = .value(try Self.number(number, codingPath: codingPath))
        case let number as Float: content = .value(try Self.number(Double(number), codingPath: codingPath))
        // As JSONEncoder writes them by default (Date's own encoding, seconds since 2001, is too).
        case let data as Data: content = .value(.string(data.base64EncodedString()))
        case let url as URL: content = .value(.string(url.absoluteString))
        case is Decimal:
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "Decimal has no protobuf-JSON form here"))
        default: try value.encode(to: ProtoJSONTreeEncoder(slot: self, codingPath: codingPath))
        }
    }

    private static func number(_ value: Double, codingPath: [any CodingKey]) throws -> ProtoJSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "JSON has no NaN or infinity"))
        }
        return .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
    }
}
