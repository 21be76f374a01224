extension RekorV1 {
    /// The v1 error response body, `{"code":400,"message":"…"}`; `code` repeats the HTTP status.
    public struct ErrorBody: Sendable, Hashable, Codable {
        public var code: Int
        public var message: String

        public init(code: Int, message: String) {
            self.code = code
            self.message = message
        }

        /// Reads an error body; members this library does not know are ignored.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(ErrorBody.self, from: body, limits: RekorV1.limits, rejectingUnknownMembers: false)
        }

        /// The response body (canonical JSON).
        public func encoded() throws(ModelError) -> [UInt8] {
            try RekorV1.encode(self)
        }
    }
}
