import Foundation
import LogEngine
import LogStoragePostgres
import Logging
import Yams

extension ServeConfiguration {
    /// Parses the configuration file (YAML, or JSON, which is YAML), strictly: unknown or
    /// repeated keys, wrong value types and missing required keys are errors naming the key.
    /// Files (keys, chains) are not read here; ``ProductionStack`` loads them.
    ///
    /// - Throws: ``ServeConfigurationError``.
    public init(yaml: String) throws(ServeConfigurationError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ServeConfigurationError("the configuration is not YAML or JSON: \(error)")
        }
        guard let root else { throw ServeConfigurationError("the configuration file is empty") }
        var document = try ServeConfigurationMapping(root, at: "")
        self.init()
        if var listen = try document.mapping("listen") {
            host = try listen.string("host") ?? host
            port = try listen.integer("port", in: 0...65535) ?? port
            try listen.finish()
        }
        if let level = try document.string("log-level") {
            logLevel = try Self.logLevel(level, key: "log-level")
        }
        if var section = try document.mapping("transparency-log") {
            transparencyLog = try TransparencyLog(&section)
        }
        if var section = try document.mapping("timestamp-authority") {
            timestampAuthority = TimestampAuthority(
                signingKey: try KeyFile(&section, key: "signing-key"),
                certificateChain: try section.requiredString("certificate-chain", expected: "the path of a PEM file with the TSA certificate first and its root last")
            )
            try section.finish()
        }
        if var section = try document.mapping("certificate-authority") {
            certificateAuthority = try CertificateAuthority(&section)
        }
        if var section = try document.mapping("ct-log") {
            ctLog = try CTLog(&section, sharedStorage: transparencyLog?.storage)
        }
        try document.finish()
        switch (certificateAuthority, ctLog) {
        case (.some, nil):
            throw ServeConfigurationError("certificate-authority needs a ct-log section: every certificate embeds an SCT from the CT log in this process")
        case (nil, .some):
            throw ServeConfigurationError("ct-log accepts chains to the CA's root and is hosted with it: add a certificate-authority section")
        default:
            break
        }
        try checkLogNamesAreDistinct()
        guard transparencyLog != nil || timestampAuthority != nil || certificateAuthority != nil else {
            throw ServeConfigurationError("the configuration hosts no service: add a transparency-log, timestamp-authority or certificate-authority section")
        }
    }

    /// `hostname`: a bare host name, without scheme, port, path or spaces.
    static func hostname(_ section: inout ServeConfigurationMapping, expected: String) throws(ServeConfigurationError) -> String {
        let hostname = try section.requiredString("hostname", expected: expected)
        guard !hostname.contains(":"), !hostname.contains("/"), !hostname.contains(" ") else {
            throw ServeConfigurationError("\(section.path("hostname")) must be a bare host name without scheme, port, path or spaces, not '\(hostname)'")
        }
        return hostname
    }

    static func logLevel(_ text: String, key: String) throws(ServeConfigurationError) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServeConfigurationError("\(key) must be one of \(names), not '\(text)'")
        }
        return level
    }
}

extension ServeConfiguration.TransparencyLog {
    init(_ section: inout ServeConfigurationMapping) throws(ServeConfigurationError) {
        hostname = try ServeConfiguration.hostname(&section, expected: "the log's bare host name (for example tlog.example.com), its checkpoint origin")
        guard var storageSection = try section.mapping("storage") else {
            throw ServeConfigurationError("\(section.path("storage")) is required: 'sqlite: DIRECTORY' or 'postgres: postgres://user@host/db'")
        }
        storage = try ServeConfiguration.Storage(&storageSection)
        if var sequencerSection = try section.mapping("sequencer") {
            if let size = try sequencerSection.integer("max-batch-size", in: 1...65_536) {
                sequencer.maximumBatchSize = size
            }
            if let age = try sequencerSection.duration("max-batch-age", atMost: .seconds(10)) {
                sequencer.maximumBatchAge = age
            }
            if let queued = try sequencerSection.integer("max-queued-entries", in: 1...10_000_000) {
                sequencer.maximumQueuedEntries = queued
            }
            try sequencerSection.finish()
        }
        if let bytes = try section.integer("max-entry-bytes", in: 256...LogEngineLimits.defaultMaximumEntrySize) {
            sequencer.maximumEntrySize = bytes
        }
        if var v1Section = try section.mapping("v1") {
            let treeIDKey = v1Section.path("tree-id")
            guard let treeID = try v1Section.integer("tree-id", in: Int64(1)...Int64.max) else {
                throw ServeConfigurationError("\(treeIDKey) is required: a positive 64-bit integer that never changes for this log, for example \(Int64.random(in: 1...Int64.max))")
            }
            var v1 = ServeConfiguration.V1Log(signingKey: try ServeConfiguration.KeyFile(&v1Section, key: "signing-key"), treeID: treeID)
            v1.logName = try ServeConfiguration.logName(&v1Section) ?? v1.logName
            try v1Section.finish()
            self.v1 = v1
        }
        if var v2Section = try section.mapping("v2") {
            var v2 = ServeConfiguration.V2Log(signingKey: try ServeConfiguration.KeyFile(&v2Section, key: "signing-key"))
            v2.logName = try ServeConfiguration.logName(&v2Section) ?? v2.logName
            try v2Section.finish()
            self.v2 = v2
        }
        try section.finish()
        guard v1 != nil || v2 != nil else {
            throw ServeConfigurationError("\(section.path) serves no log: add a v1 or v2 section (or both)")
        }
        if let v1, let v2, v1.logName == v2.logName {
            throw ServeConfigurationError("\(section.path).v1.log-name and \(section.path).v2.log-name are both '\(v1.logName)': each log needs its own")
        }
    }
}

extension ServeConfiguration.Storage {
    init(_ section: inout ServeConfigurationMapping) throws(ServeConfigurationError) {
        let sqlite = try section.string("sqlite")
        let postgres = try section.string("postgres")
        let connections = try section.integer("max-connections", in: 1...1_000)
        try section.finish()
        switch (sqlite, postgres) {
        case (let directory?, nil):
            guard connections == nil else {
                throw ServeConfigurationError("\(section.path("max-connections")) applies to postgres storage only")
            }
            self = .sqlite(directory: directory)
        case (nil, let url?):
            do {
                _ = try PostgresDatabaseURL(url)
            } catch {
                throw ServeConfigurationError("\(section.path("postgres")) must be postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]: \(error.message)")
            }
            self = .postgres(url: url, maximumConnections: connections ?? 20)
        case (.some, .some):
            throw ServeConfigurationError("\(section.path) sets both sqlite and postgres: choose one")
        case (nil, nil):
            throw ServeConfigurationError("\(section.path) needs 'sqlite: DIRECTORY' or 'postgres: URL'")
        }
    }
}

extension ServeConfiguration.KeyFile {
    init(_ section: inout ServeConfigurationMapping, key: String) throws(ServeConfigurationError) {
        path = try section.requiredString(key, expected: "the path of a PEM private key file (PKCS#8 PRIVATE KEY or ENCRYPTED PRIVATE KEY)")
        passwordFile = try section.string("\(key)-password-file")
        self.key = section.path(key)
    }
}

extension ServeConfiguration {
    /// `log-name`: letters, digits, `-`, `_` and `.` only, since it names a file.
    static func logName(_ section: inout ServeConfigurationMapping) throws(ServeConfigurationError) -> String? {
        guard let name = try section.string("log-name") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard name.count <= 100, name.first != ".", name.allSatisfy(allowed.contains) else {
            throw ServeConfigurationError("\(section.path("log-name")) must be 1 to 100 letters, digits, '-', '_' or '.' (not starting with '.'), not '\(name)'")
        }
        return name
    }
}
