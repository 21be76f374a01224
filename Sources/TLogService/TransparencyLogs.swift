/// The transparency logs one server hosts: a Rekor v1 log, a Rekor v2 log, or both (each
/// with its own key and storage).
public struct TransparencyLogs: Sendable {
    public var v1: RekorV1Log?
    public var v2: RekorV2Log?

    public init(v1: RekorV1Log? = nil, v2: RekorV2Log? = nil) {
        self.v1 = v1
        self.v2 = v2
    }
}
