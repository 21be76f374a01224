/// A protobuf enum: written by name, read by name or by number.
///
/// Conforming types are `String`-backed enums whose raw values are the `.proto` names.
package protocol ProtoEnum: RawRepresentable<String>, CaseIterable, Sendable {
    /// The value numbered 0, which proto3 leaves out of the JSON.
    static var protoDefault: Self { get }
    /// The value's number in the `.proto` file.
    var protoNumber: Int { get }
}

extension ProtoEnum {
    package init?(protoNumber: Int) {
        guard let value = Self.allCases.first(where: { $0.protoNumber == protoNumber }) else { return nil }
        self = value
    }
}
