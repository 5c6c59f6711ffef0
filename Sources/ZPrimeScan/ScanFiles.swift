import Foundation

/// The temporary files of scans being written, and how a finished one takes its final name: the
/// integrity pattern of the atlas store (Sources/ZPrimeStore/AtlasStore.swift), with one difference:
/// a scan's temporary file is also its resume point, so a dead run's file is adopted (``ScanRunner``
/// with `resume`) or discarded on request, never removed behind the user's back when it holds points.
///
/// A temporary file is `OUT.partial-HOST-PID`, next to the output. Only a finished file (completeness
/// marker written in the same transaction as the last rows) is ever given the final name, which is
/// created exclusively (a hard link fails when the name exists) unless overwriting was asked for.
///
/// ```swift
/// print(ScanFiles.isTemporaryName("plane.sqlite.partial-node1-4242"))   // true
/// ```
public enum ScanFiles {
    /// The infix of temporary file names.
    public static let temporaryInfix = ".partial-"

    /// Whether `path` is named like the temporary file of a run (never a finished store).
    public static func isTemporaryName(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.contains(temporaryInfix)
    }

    /// This machine's host name, reduced to letters, digits, `-` and `_`.
    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let name = String(decoding: bytes, as: UTF8.self).filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? "host" : name
    }

    /// `OUT.partial-HOST-PID` for this process.
    public static func temporaryPath(for path: String) -> String {
        path + temporaryInfix + hostName + "-" + "\(getpid())"
    }

    /// A temporary file of some run for an output.
    public struct Partial: Sendable, Hashable {
        /// Its path.
        public let path: String
        /// The host of the run that wrote it.
        public let host: String
        /// The process id of that run.
        public let pid: Int32
        /// Whether that run still exists: `nil` for another host (it cannot be checked from here),
        /// `false` for this process's own file (left by an earlier, interrupted run in this process).
        public let isAlive: Bool?
    }

    /// The temporary files next to `path` of every run, this process's own included (a process runs
    /// one scan of an output at a time).
    public static func partials(for path: String) -> [Partial] {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        let prefix = (path as NSString).lastPathComponent + temporaryInfix
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        let here = hostName
        var found: [Partial] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let full = directory.isEmpty ? name : (dir as NSString).appendingPathComponent(name)
            if name.hasSuffix(probeSuffix) {
                // A probe left by a run killed while checking the folder: never data; removed once
                // its run is gone.
                let rest = name.dropFirst(prefix.count).dropLast(probeSuffix.count)
                if let dash = rest.lastIndex(of: "-"), let pid = Int32(rest[rest.index(after: dash)...]), String(rest[..<dash]) == here,
                   pid != getpid(), kill(pid, 0) == -1, errno == ESRCH {
                    unlink(full)
                }
                continue
            }
            // HOST-PID: the host may itself contain '-', the pid is the digits after the last one.
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), let pid = Int32(rest[rest.index(after: dash)...]), pid > 0 else { continue }
            let host = String(rest[..<dash])
            let alive: Bool? = host != here ? nil : (pid == getpid() ? false : !(kill(pid, 0) == -1 && errno == ESRCH))
            found.append(Partial(path: full, host: host, pid: pid, isAlive: alive))
        }
        return found
    }

    /// The suffix of the probe file that checks a folder can take new files.
    static let probeSuffix = ".probe"

    /// Checks that `path` names a file that may be created in an existing, writable directory.
    static func checkLocation(_ path: String) throws(ScanStoreError) {
        if isTemporaryName(path) {
            throw .inaccessible(path: path, reason: "names containing '\(temporaryInfix)' are reserved for the temporary files of runs")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .inaccessible(path: path, reason: "a directory, not a file name")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .inaccessible(path: path, reason: "the directory \(dir) does not exist")
        }
        guard access(dir, W_OK | X_OK) == 0 else {
            throw .inaccessible(path: path, reason: "the directory \(dir) is not writable")
        }
        // access() does not see every refusal (a privileged user on a pseudo or read-only file
        // system): create and remove a probe file, named like a temporary file.
        let probe = temporaryPath(for: path) + probeSuffix
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { unlink(probe); return }
            throw .inaccessible(path: path, reason: posixReason("cannot create files in the directory \(dir)"))
        }
        close(descriptor)
        unlink(probe)
    }

    static func posixReason(_ what: String) -> String { "\(what) (\(String(cString: strerror(errno))))" }

    /// Gives a finished temporary file its final name: replacing an existing file only with
    /// `overwrite`, otherwise creating the name exclusively.
    static func publish(_ temporary: String, as path: String, overwrite: Bool) throws(ScanStoreError) {
        if overwrite {
            guard rename(temporary, path) == 0 else { throw .storage(path: path, reason: posixReason("cannot move the finished store into place")) }
            return
        }
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        if errno == EEXIST {
            throw .inaccessible(path: path, reason: "the file was created by another run while this one was working; nothing was overwritten (pass --overwrite to replace it)")
        }
        // File systems without hard links: claim the name exclusively, then move over the claim.
        let claim = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard claim >= 0 else {
            if errno == EEXIST {
                throw .inaccessible(path: path, reason: "the file was created by another run while this one was working; nothing was overwritten (pass --overwrite to replace it)")
            }
            throw .storage(path: path, reason: posixReason("cannot create the store"))
        }
        close(claim)
        guard rename(temporary, path) == 0 else {
            unlink(path)
            throw .storage(path: path, reason: posixReason("cannot move the finished store into place"))
        }
    }
}
