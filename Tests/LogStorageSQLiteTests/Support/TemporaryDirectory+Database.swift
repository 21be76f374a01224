import Foundation
import SigstoreTestSupport

extension TemporaryDirectory {
    /// The database file the SQLite tests open in this directory.
    var databasePath: String { file("log.sqlite").path }
}
