// Command kontak is Kontak without a window: it normalises phone numbers and manages
// contacts and groups in the same data folder as the app, reading and writing JSON so
// that it can be scripted. It needs no display and no GTK.
//
//	kontak [--data DIR] normalize                  < phones, one per line
//	kontak [--data DIR] contacts add --name N --phone P [--email E] [--group G]...
//	kontak [--data DIR] contacts list [--json]
//	kontak [--data DIR] groups add NAME [--description D]
//	kontak [--data DIR] groups list [--json]
//	kontak [--data DIR] import FILE [--group NAME]... [--existing skip|fill|overwrite] [--dry-run] [--json]
//	kontak [--data DIR] imports list [--json]
//	kontak [--data DIR] imports undo BATCH
//	kontak [--data DIR] export --format csv|xlsx|vcf [--group NAME] -o FILE
//	kontak [--data DIR] audience --group G... [--exclude G]... [--json]
//	kontak [--data DIR] campaigns list [--json]
//	kontak [--data DIR] campaigns add --name N --message M --group G... [--exclude G]... [--kind broadcast]
//	kontak [--data DIR] campaigns export ID --format csv|xlsx|numbers|wame -o FILE
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"kontak/backend/apperr"
	"kontak/backend/bench"
	"kontak/backend/store"
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// KONTAK_CPUPROFILE=FILE writes a CPU profile of the command, for finding where a
	// slow import or benchmark spends its time.
	var profile *os.File
	if path := os.Getenv("KONTAK_CPUPROFILE"); path != "" {
		var err error
		if profile, err = os.Create(path); err == nil {
			err = pprof.StartCPUProfile(profile)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "kontak: cpu profile:", err)
		}
	}
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if profile != nil {
		pprof.StopCPUProfile()
		profile.Close()
	}
	if err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "kontak:", message(err))
		}
		os.Exit(exitCode(err))
	}
}

var errUsage = errors.New("usage")

// memoryLimit is the soft heap limit: Badger's memtables and caches live on the Go heap,
// and without a limit the collector lets a large import double its resident size.
// Measured with kontak bench on a million-row import with groups (bench-step import, 2
// cores, other builds running): once the import wrote two keys a contact and allocated a
// third less, 300 MiB gave 9.4–9.7 s at 365–370 MB peak against 512 MiB's 590 MB for the
// same CPU time (320 MiB: 377–395 MB). Opening a million contacts (1.26 s, peak 356 MB)
// and searching them were as fast as at 512 MiB; the idle app lives in about 265 MB.
const memoryLimit = 300 << 20

const usage = `Usage: kontak [--data DIR] COMMAND

Commands:
  normalize                      read one phone per line on stdin, print one JSON result per line
  contacts add --name N --phone P [--email E] [--group G]...
  contacts list [--json]
  groups add NAME [--description D]
  groups list [--json]
  audience --group G... [--exclude G]... [--json]
                                 the recipients of the groups (by name or ID), each phone once
  campaigns list [--json]
  campaigns add --name N --message M --group G... [--exclude G]... [--kind broadcast]
  campaigns export ID --format csv|xlsx|numbers|wame -o FILE

The data folder is --data DIR, else $KONTAK_DATA_DIR, else the app's own folder.
Only one process can use a data folder at a time: close the app first.
`

// message is what the user reads for an error: the clear sentence for a locked folder,
// the kind's message otherwise.
func message(err error) string {
	if errors.Is(err, store.ErrLocked) {
		return "Kontak is already open: close the app (or the other kontak command) and try again"
	}
	return err.Error()
}

// exitCode distinguishes usage errors (2), input the user can fix (3), a folder in use
// (4) and everything else (1), so scripts can react.
func exitCode(err error) int {
	switch {
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, store.ErrLocked):
		return 4
	}
	switch apperr.KindOf(err) {
	case apperr.Invalid, apperr.Exists, apperr.NotFound:
		return 3
	}
	return 1
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	dataDir, args, err := takeDataFlag(args)
	if err != nil {
		fmt.Fprint(stderr, usage)
		return err
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "normalize", "normalise":
		return runNormalize(dataDir, stdin, stdout)
	case "contacts":
		return runContacts(dataDir, rest, stdout, stderr)
	case "groups":
		return runGroups(dataDir, rest, stdout, stderr)
	case "import":
		return runImport(dataDir, rest, stdout, stderr)
	case "imports":
		return runImports(dataDir, rest, stdout, stderr)
	case "export":
		return runExport(dataDir, rest, stdout, stderr)
	case "detect-name":
		return runDetectName(stdin, stdout)
	case "inbound":
		return runInbound(dataDir, rest, stdin, stdout, stderr)
	case "chat-import":
		return runChatImport(dataDir, rest, stdout, stderr)
	case "audience":
		return runAudience(dataDir, rest, stdout, stderr)
	case "campaigns":
		return runCampaigns(dataDir, rest, stdout, stderr)
	case "bench":
		return runBench(rest, stdout, stderr)
	case "bench-step":
		if len(rest) == 0 {
			return errUsage
		}
		return bench.Step(rest[0], rest[1:], stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
	return errUsage
}

// takeDataFlag removes a leading --data DIR (or --data=DIR) so that it can come before
// the command; subcommands accept it too.
func takeDataFlag(args []string) (string, []string, error) {
	dir := ""
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--data" || a == "-data":
			if len(args) < 2 {
				return "", nil, fmt.Errorf("--data needs a folder: %w", errUsage)
			}
			dir, args = args[1], args[2:]
		case len(a) > 7 && (a[:7] == "--data=" || a[:6] == "-data="):
			dir, args = a[len("--data="):], args[1:]
			if a[1] != '-' {
				dir = a[len("-data="):]
			}
		default:
			return dir, args, nil
		}
	}
	return dir, args, nil
}
