import CMariaDB
public import Foundation
import Synchronization

/// One blocking connection through the official C connector. Every call blocks: run it on a thread pool.
///
/// Calls are serialised by an internal lock, so a connection may move between threads, one call at a time.
public final class MariaDBConnection: Sendable {
    /// The server's version as a number, e.g. 110809 for 11.8.9.
    public let serverVersionNumber: Int
    /// The server's version text, e.g. `11.8.9-MariaDB-0+deb13u1`.
    public let serverVersion: String
    private let handle: Mutex<Handle>

    /// Owns the C handle.
    private struct Handle: ~Copyable {
        let mysql: UnsafeMutablePointer<MYSQL>
        var closed = false
    }

    private static let libraryReady: Bool = CMariaDB_library_init() == 0

    /// Connects (blocking) with utf8mb4 as the connection character set.
    public init(_ options: MariaDBConnectOptions) throws(MariaDBError) {
        guard Self.libraryReady, let mysql = mysql_init(nil) else {
            throw MariaDBError(code: 2008, sqlState: "HY000", message: "the MariaDB client library could not start")
        }
        var timeout = UInt32(clamping: max(1, options.connectTimeoutSeconds))
        mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout)
        mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        let connected = mysql_real_connect(
            mysql, options.host, options.user, options.password, options.database, UInt32(clamping: options.port), nil, 0)
        guard connected != nil else {
            let error = Self.error(of: mysql)
            mysql_close(mysql)
            throw error
        }
        serverVersionNumber = Int(mysql_get_server_version(mysql))
        serverVersion = mysql_get_server_info(mysql).map { String(cString: $0) } ?? "unknown"
        handle = Mutex(Handle(mysql: mysql))
    }

    deinit {
        close()
    }

    /// Closes the connection; later calls fail.
    public func close() {
        handle.withLock { handle in
            guard !handle.closed else { return }
            mysql_close(handle.mysql)
            handle.closed = true
        }
    }

    /// Runs one statement (blocking) and returns its rows, if it has any.
    @discardableResult
    public func query(_ query: MariaDBQuery) throws(MariaDBError) -> MariaDBResult {
        try handle.withLock { (handle: inout Handle) throws(MariaDBError) -> MariaDBResult in
            guard !handle.closed else {
                throw MariaDBError(code: 2006, sqlState: "HY000", message: "the connection is closed")
            }
            let mysql = handle.mysql
            let sql = try Self.render(query, mysql)
            let status = sql.withCString { pointer in mysql_real_query(mysql, pointer, UInt(strlen(pointer))) }
            guard status == 0 else { throw Self.error(of: mysql) }
            guard let result = mysql_store_result(mysql) else {
                guard mysql_field_count(mysql) == 0 else { throw Self.error(of: mysql) }
                return MariaDBResult(
                    columns: [], rows: [], affectedRows: mysql_affected_rows(mysql), insertID: mysql_insert_id(mysql))
            }
            defer { mysql_free_result(result) }
            let count = Int(mysql_num_fields(result))
            var columns: [String] = []
            if let fields = mysql_fetch_fields(result) {
                columns = (0..<count).map { fields[$0].name.map { String(cString: $0) } ?? "" }
            }
            var rows: [MariaDBRow] = []
            while let row = mysql_fetch_row(result) {
                guard let lengths = mysql_fetch_lengths(result) else { break }
                let cells: [Data?] = (0..<count).map { index in
                    row[index].map { Data(bytes: $0, count: Int(lengths[index])) }
                }
                rows.append(MariaDBRow(cells: cells))
            }
            return MariaDBResult(columns: columns, rows: rows, affectedRows: 0, insertID: 0)
        }
    }

    /// The statement text with every value escaped for this connection's character set and SQL mode.
    private static func render(_ query: MariaDBQuery, _ mysql: UnsafeMutablePointer<MYSQL>) throws(MariaDBError) -> String {
        var sql = ""
        for part in query.parts {
            switch part {
            case .sql(let text): sql += text
            case .value(.null): sql += "NULL"
            case .value(.integer(let value)): sql += String(value)
            case .value(.double(let value)):
                guard value.isFinite else {
                    throw MariaDBError(code: 0, sqlState: "22003", message: "a number to store is not finite")
                }
                // Swift prints the shortest text that reads back as the same double; an exponent makes the
                // server read it as a double, not as a DECIMAL.
                let text = "\(value)"
                sql += text.contains("e") ? text : text + "e0"
            case .value(.text(let text)): sql += "'" + escape(text, mysql) + "'"
            case .value(.bytes(let data)):
                sql += data.isEmpty ? "''" : "X'" + data.map { String(format: "%02x", $0) }.joined() + "'"
            }
        }
        return sql
    }

    private static func escape(_ text: String, _ mysql: UnsafeMutablePointer<MYSQL>) -> String {
        let utf8 = Array(text.utf8)
        var buffer = [CChar](repeating: 0, count: utf8.count * 2 + 1)
        let length = utf8.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in
                mysql_real_escape_string(mysql, &buffer, chars.baseAddress, UInt(utf8.count))
            }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func error(of mysql: UnsafeMutablePointer<MYSQL>) -> MariaDBError {
        MariaDBError(
            code: mysql_errno(mysql), sqlState: mysql_sqlstate(mysql).map { String(cString: $0) } ?? "HY000",
            message: mysql_error(mysql).map { String(cString: $0) } ?? "unknown error")
    }
}
