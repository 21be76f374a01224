extension SigstoreBundle {
    /// A bundle format version, as named by the media type (interop-contract §9.1).
    public enum Version: Int, Sendable, Hashable, Comparable, CaseIterable {
        case v0_1 = 1
        case v0_2 = 2
        case v0_3 = 3

        /// The version a media type names, or `nil` for any other text, including v0.4 and
        /// later, which nobody can verify yet.
        public init?(mediaType: String) {
            switch mediaType {
            case MediaType.bundleV01: self = .v0_1
            case MediaType.bundleV02: self = .v0_2
            case MediaType.bundleV03, MediaType.bundleV03Legacy: self = .v0_3
            default: return nil
            }
        }

        /// The spelling this library writes (for v0.3 the current `…bundle.v0.3+json`).
        public var mediaType: String {
            switch self {
            case .v0_1: MediaType.bundleV01
            case .v0_2: MediaType.bundleV02
            case .v0_3: MediaType.bundleV03
            }
        }

        public static func < (lhs: Version, rhs: Version) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }
}
