import SigstoreModels

/// Sigstore documents as the create commands write them: protobuf-JSON, indented.
enum ProtoDocument {
    static func text(of document: some Encodable) throws(CLIError) -> String {
        do {
            return String(decoding: try ProtoJSON.encode(document, pretty: true), as: UTF8.self)
        } catch {
            throw CLIError(.invalidDocument, "the document cannot be encoded: \(error)")
        }
    }
}
