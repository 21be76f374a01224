import Foundation
import Testing

extension String {
    /// Decodes standard base64, failing the test on malformed input.
    var base64Bytes: [UInt8] {
        get throws { try #require(Data(base64Encoded: self)).map { $0 } }
    }
}
