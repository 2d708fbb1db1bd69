package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"puente/internal/i18n"
)

// runI18n is `puente i18n check`: it prints each language's completeness
// against English (keys, missing, extra, placeholder mismatches, empty
// texts) and fails when a language has a problem, so a translator, a
// script or CI learns of it before a page does. It checks the files built
// into this binary, or with -dir a locales directory on disk (a
// translator's copy, before it is built in).
func runI18n(_ context.Context, args []string, _ func(string) string, stdout io.Writer) error {
	f := flag.NewFlagSet("puente i18n", flag.ContinueOnError)
	f.SetOutput(stdout)
	dir := f.String("dir", "", "a locales directory to check instead of the built-in files (e.g. internal/i18n/locales)")
	f.Usage = func() {
		fmt.Fprint(f.Output(), "Usage: puente i18n check [-dir DIR]\n\nReports each language's keys, missing keys, extra keys and placeholder mismatches; exits 1 on a problem.\n\nFlags:\n")
		f.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			f.Usage()
			return flag.ErrHelp
		}
		f.Usage()
		return errors.New("i18n: want the subcommand check (see puente help i18n)")
	}
	if err := f.Parse(args[1:]); err != nil {
		return err
	}
	if f.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (see puente help i18n)", f.Arg(0))
	}
	var fsys fs.FS = i18n.LocaleFiles()
	if *dir != "" {
		fsys = os.DirFS(*dir)
	}
	rep := i18n.Check(fsys)
	rep.Write(stdout)
	if !rep.OK() {
		return errors.New("i18n check: the translations have problems (listed above)")
	}
	return nil
}
