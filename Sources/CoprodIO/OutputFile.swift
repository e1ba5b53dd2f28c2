import CFileOutput
import Foundation

/// A results file written from start to end. Past its first `cachedBytes`, and on a local disk,
/// full blocks skip the page cache (see coprod_output.h): a million organisations' results are
/// gigabytes, and copying them into the cache took a tenth of a batch's CPU.
public final class OutputFile {
    public let path: String
    private var output: OpaquePointer?

    /// Creates or empties the file at `path`. Its first `cachedBytes` go through the cache like
    /// any file's, so that a small or middling batch is done as soon as its results are in
    /// memory, whatever the disk. Past that, copying into the cache costs more CPU than writing
    /// direct, and on a 2-core machine that CPU is taken from the workers: measured on 100,000
    /// quality-standards organisations (1.7 GB), 0.6-1.4 s of system time with the first
    /// gigabyte cached, 0.4-0.5 s with the first 256 MiB.
    public init(path: String, cachedBytes: Int = 256 << 20) throws(InputError) {
        self.path = path
        var error: Int32 = 0
        output = coprod_output_open(path, Int64(cachedBytes), &error)
        if output == nil { throw OutputFile.failure(path, error) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: ArraySlice<UInt8>) throws(InputError) {
        guard let output else { throw InputError("\(path) was already closed") }
        let error = bytes.withUnsafeBytes { coprod_output_write(output, $0.baseAddress, $0.count) }
        if error != 0 { throw OutputFile.failure(path, error) }
    }

    /// Writes what is left and closes the file.
    public func close() throws(InputError) {
        guard let output else { return }
        self.output = nil
        let error = coprod_output_close(output)
        if error != 0 { throw OutputFile.failure(path, error) }
    }

    /// Creates or empties the file at `path` and writes `bytes` to it: a small file written at
    /// once needs no buffer.
    public static func write(_ bytes: [UInt8], toNewFile path: String) throws(InputError) {
        let error = bytes.withUnsafeBytes { coprod_output_write_file(path, $0.baseAddress, $0.count) }
        if error != 0 { throw failure(path, error) }
    }

    deinit {
        if let output { _ = coprod_output_close(output) }
    }

    private static func failure(_ path: String, _ error: Int32) -> InputError {
        InputError("cannot write \(path): \(String(cString: strerror(error)))")
    }
}
