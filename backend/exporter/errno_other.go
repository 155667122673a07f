//go:build !windows

package exporter

import (
	"errors"
	"syscall"
)

// diskFull reports whether err says there is no space left, on the disk or
// in the user's quota.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// fileInUse reports whether another program holds the file. Only Windows
// refuses to replace a file that is open, so elsewhere it is never so.
func fileInUse(error) bool { return false }

// replaceRefused reports whether a rename over an existing file failed
// because that file could not be replaced; outside Windows a rename never
// fails for that.
func replaceRefused(error) bool { return false }
