import SigstoreVerify

extension VerificationError {
    /// A log answer that does not verify: a checkpoint, proof, SET or entry, or a log history
    /// that is not consistent with an earlier checkpoint.
    static func transparencyLog(_ problem: String) -> VerificationError {
        VerificationError(.invalidTransparencyLogEntry, problem)
    }
}
