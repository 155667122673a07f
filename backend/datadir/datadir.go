// Package datadir decides where Kontak keeps its data: the operating system's per-user
// data folder, or the folder named by KONTAK_DATA_DIR.
package datadir

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// EnvVar overrides the data folder; tests and portable installs use it.
const EnvVar = "KONTAK_DATA_DIR"

// Dir returns the data folder without creating it:
// $XDG_DATA_HOME/Kontak (default ~/.local/share/Kontak) on Linux and other Unix systems,
// %AppData%\Kontak on Windows and ~/Library/Application Support/Kontak on macOS.
func Dir() (string, error) {
	if d := os.Getenv(EnvVar); d != "" {
		return filepath.Abs(d)
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir() // %AppData% and ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "Kontak"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "Kontak"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find the home folder; set " + EnvVar)
	}
	return filepath.Join(home, ".local", "share", "Kontak"), nil
}
