/// The version string reported by `signet --version` and `signetd --version`.
public enum SignetVersion {
    public static let current = "0.1.0-dev"
}
