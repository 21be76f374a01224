import SigstoreTestSupport

/// The reference client, sigstore-python (the shared runner in SigstoreTestSupport).
typealias SigstorePython = ReferenceClient
