package exporter

import (
	"errors"
	"syscall"
)

// Windows error codes that syscall does not name.
const (
	errorSharingViolation = syscall.Errno(32)  // ERROR_SHARING_VIOLATION
	errorLockViolation    = syscall.Errno(33)  // ERROR_LOCK_VIOLATION
	errorHandleDiskFull   = syscall.Errno(39)  // ERROR_HANDLE_DISK_FULL
	errorDiskFull         = syscall.Errno(112) // ERROR_DISK_FULL
)

// diskFull reports whether err says there is no space left on the disk.
func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) ||
		errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// fileInUse reports whether another program holds the file: Windows refuses
// to replace a file that is open in Excel, the most common reason an export
// over an earlier one fails there.
func fileInUse(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}

// replaceRefused reports whether a rename over an existing file failed
// because that file could not be replaced. The temp file was just created in
// the same folder, so "access denied" here almost always means that Excel or
// another program has the old file open.
func replaceRefused(err error) bool {
	return errors.Is(err, syscall.ERROR_ACCESS_DENIED)
}
