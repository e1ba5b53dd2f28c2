import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening an input file, with the reason when it cannot be: "cannot read x.csv" alone leaves a
/// user guessing between a typo, a permission and a folder.
public enum InputFile {
    /// The whole of `path`: a file, or a pipe (a shell's `<(…)`) read to its end.
    public static func contents(of path: String) throws(InputError) -> [UInt8] {
        let (descriptor, about) = try openForReading(path)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        if about.st_size > 0 { bytes.reserveCapacity(Int(about.st_size)) }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: block[..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw failure(path)
            }
        }
    }

    /// Up to `count` bytes from the start of `path`; fewer, or none, if it is shorter or cannot
    /// be read (for a message about what the file is, which must not fail itself).
    public static func firstBytes(of path: String, count: Int) -> [UInt8] {
        guard let (descriptor, _) = try? openForReading(path) else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got > 0 { filled += got } else if got == 0 || errno != EINTR { break }
        }
        return Array(bytes[..<filled])
    }

    /// Throws unless `path` is a file that can be read from its start more than once, as a batch
    /// reads each input: a pipe can be read only once.
    public static func checkRereadable(_ path: String) throws(InputError) {
        let (descriptor, about) = try openForReading(path)
        defer { close(descriptor) }
        if about.st_mode & S_IFMT != S_IFREG {
            throw InputError("\(path) is not a file but a pipe or a device: a batch reads each input twice, so save it to a file first (for example with > assessments.csv) and give that")
        }
    }

    /// Why `path`, which could be read when the batch began, cannot be opened again (moved,
    /// deleted, or its permissions changed): asked of the file system anew, as the failed open's
    /// own reason may not have survived.
    public static func unreadableAgain(_ path: String) -> InputError {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        let reason = descriptor >= 0 ? "it could not be opened" : String(cString: strerror(errno))
        if descriptor >= 0 { close(descriptor) }
        return InputError("cannot read \(path) again: \(reason) (a batch reads each input twice: leave the inputs in place until it is done)")
    }

    /// Which file or directory `path` names, whatever the spelling (`a.csv`, `./a.csv`, a link):
    /// nil if it cannot be looked at.
    public static func identity(of path: String) -> Identity? {
        var about = stat()
        guard stat(path, &about) == 0 else { return nil }
        return Identity(device: UInt64(about.st_dev), inode: UInt64(about.st_ino))
    }

    public struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    /// Throws if two of `paths` name one file (a `noun`), which would then be read twice: `twice`
    /// says what that would do ("its rows would be counted twice").
    public static func checkDistinct(_ paths: [String], noun: String = "file", twice: String) throws(InputError) {
        var seen: [Identity: String] = [:]
        for path in paths {
            guard let identity = identity(of: path) else { continue }
            if let first = seen[identity] {
                throw InputError(first == path ? "\(path) is given twice: \(twice); give it once"
                                               : "\(path) and \(first) are the same \(noun): \(twice); give it once")
            }
            seen[identity] = path
        }
    }

    /// A descriptor for reading `path`, and what it is; a folder, or a path that cannot be opened
    /// or looked at, throws with why.
    private static func openForReading(_ path: String) throws(InputError) -> (Int32, stat) {
        // Non-blocking, so that opening a named pipe with no writer does not hang; reads block
        // again once it is open.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(path) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var about = stat()
        guard fstat(descriptor, &about) == 0 else {
            let error = failure(path)
            close(descriptor)
            throw error
        }
        if about.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw InputError("\(path) is a folder: give the files in it (for example \(path)/*.csv)")
        }
        return (descriptor, about)
    }

    private static func failure(_ path: String) -> InputError {
        InputError("cannot read \(path): \(String(cString: strerror(errno)))")
    }
}
