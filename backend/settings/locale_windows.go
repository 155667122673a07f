//go:build windows

package settings

import "golang.org/x/sys/windows"

// systemLocales asks Windows for the user's preferred UI languages; the POSIX variables
// come first so that a user who sets LANG still wins.
func systemLocales() []string {
	tags := envLocales()
	if langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME); err == nil {
		tags = append(tags, langs...)
	}
	return tags
}
