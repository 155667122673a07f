//go:build !windows

package settings

func systemLocales() []string { return envLocales() }
