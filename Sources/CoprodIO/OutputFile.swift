import CFileOutput
import Foundation

/// A results file written from start to end. Past its first `cachedBytes`, and on a local disk,
/// full blocks skip the page cache (see coprod_output.h): a million organisations' results are
/// gigabytes, and copying them into the cache took a tenth of a batch's CPU.
public final class OutputFile {
    public let path: String
    private var output: OpaquePointer?

    /// Creates or empties the file at `path`. Its first `cachedBytes` go through the cache like
    /// any file's: the cache takes them at once whatever the disk, and they read back from
    /// memory. Past a gigabyte or so the kernel starts writing back and holding the writer up,
    /// and copying into the cache costs more than writing direct (measured: 2-4.5 s of system
    /// time for 3 GB, 1-1.5 s with all but the first gigabyte direct).
    public init(path: String, cachedBytes: Int = 1 << 30) throws(InputError) {
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

    deinit {
        if let output { _ = coprod_output_close(output) }
    }

    private static func failure(_ path: String, _ error: Int32) -> InputError {
        InputError("cannot write \(path): \(String(cString: strerror(error)))")
    }
}
