import Foundation

/// The short reason a file operation failed ("Permission denied", "No such file or directory"), for
/// messages that already name the file.
public enum FileErrorReason {
    public static func text(_ error: Error) -> String {
        let error = error as NSError
        if let posix = error.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied"
        case .fileReadNoSuchFile, .fileNoSuchFile: return "No such file or directory"
        case .fileWriteOutOfSpace: return "No space left on device"
        default: return error.localizedDescription
        }
    }
}
