import LogEngine
import Merkle
import SigstoreCrypto
import SigstoreModels

extension RekorV1Log {
    /// `POST /api/v1/log/entries/retrieve`: the entries named by UUID, index or content, as a
    /// JSON array of `{"<entryID>": LogEntry}` maps; entries the log lacks are left out.
    public func retrieveEntries(jsonRequest body: [UInt8]) async throws -> [UInt8] {
        let query: RekorV1.SearchLogQuery
        do {
            query = try RekorV1.SearchLogQuery(decoding: body)
        } catch {
            throw RekorError(.invalidQuery, "\(error)")
        }
        var found: [LoggedEntry] = []
        for text in query.entryUUIDs {
            let identifier = try EntryIdentifier(parsing: text)
            guard identifier.treeID == nil || identifier.treeID == treeID else { continue }
            if let entry = try await reader.entry(withLeafHash: identifier.leafHash) {
                found.append(entry)
            }
        }
        for index in query.logIndexes {
            if let entry = try await reader.entry(at: UInt64(index)) {
                found.append(entry)
            }
        }
        for proposed in query.entries {
            let validated = try ValidatedEntry(proposed: proposed)
            if let entry = try await reader.entry(withLeafHash: MerkleHash.leaf(validated.canonicalBody)) {
                found.append(entry)
            }
        }
        let head = try await reader.latestTreeHead()
        var responses: [RekorV1.LogEntryResponse] = []
        for entry in found {
            responses.append(try await logEntry(for: entry, treeHead: head))
        }
        return try encode(responses)
    }

    /// `POST /api/v1/index/retrieve`: entry UUIDs by artifact hash (`sha256:<hex>`), public
    /// key (any `x509` key or certificate) or email, combined with `or` (the default) or `and`.
    public func searchIndex(jsonRequest body: [UInt8]) async throws -> [UInt8] {
        let query: RekorV1.SearchIndex
        do {
            query = try RekorV1.SearchIndex(decoding: body)
        } catch {
            throw RekorError(.invalidQuery, "\(error)")
        }
        var criteria: [SearchKey?] = []
        if let hash = query.hash {
            let parts = hash.lowercased().split(separator: ":", maxSplits: 1)
            let (algorithm, digest) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("sha256", String(parts[0]))
            // Only SHA-256 digests are indexed; any other hash matches nothing.
            criteria.append(algorithm == "sha256" && digest.utf8.count == 64 ? try? SearchKey(.artifactSHA256, digest) : nil)
        }
        if let publicKey = query.publicKey {
            guard publicKey.format == .x509 else {
                throw RekorError(.invalidQuery, "only x509 public keys can be searched, not \(publicKey.format.rawValue)")
            }
            guard let content = publicKey.content else {
                throw RekorError(.invalidQuery, "searching by key URL is not supported; send the key's content")
            }
            let material = try SigningMaterial(pemOrDER: content)
            criteria.append(try? SearchKey(.publicKeyFingerprint, Hex.encode(material.publicKey.keyID)))
        }
        if let email = query.email {
            criteria.append(try? SearchKey(.identity, email.lowercased()))
        }
        var sets: [Set<UInt64>] = []
        for key in criteria {
            guard let key else {
                sets.append([])
                continue
            }
            sets.append(Set(try await reader.indices(matching: key)))
        }
        let indices: Set<UInt64>
        if query.operator == .and {
            indices = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
        } else {
            indices = sets.reduce([]) { $0.union($1) }
        }
        var uuids: [String] = []
        for index in indices.sorted() {
            if let entry = try await reader.entry(at: index) {
                uuids.append(Hex.encode(entry.leafHash))
            }
        }
        return try encode(uuids)
    }
}
