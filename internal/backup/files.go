package backup

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// syncDir makes a rename or a new file in dir durable: the directory entry
// is on disk, not only the file's bytes.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}

// syncFile flushes a file's bytes to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// publish gives the finished file tmp its final name without ever
// replacing an existing file: a hard link fails if the name is taken. On a
// file system without hard links it falls back to a rename after a check.
func publish(tmp, final string) error {
	if err := os.Link(tmp, final); err == nil {
		return os.Remove(tmp)
	} else if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: a backup never overwrites a file", final)
	}
	if _, err := os.Lstat(final); err == nil {
		return fmt.Errorf("%s already exists: a backup never overwrites a file", final)
	}
	return os.Rename(tmp, final)
}

// copyFile copies src to a new file dst (mode 0600) and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// linkOrCopy makes dst a second name for src (or, where hard links are not
// possible, a copy).
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	return copyFile(src, dst)
}

// CheckApart refuses a backup directory that holds the key file (directly
// or below): whoever copies or steals the backups would get the key that
// opens their sensitive fields with them. Symbolic links are resolved
// first, so two spellings of one folder are caught.
func CheckApart(backupDir, keyFile string) error {
	dir, err := resolve(backupDir)
	if err != nil {
		return err
	}
	key, err := resolve(filepath.Dir(keyFile))
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(dir, key)
	if err != nil {
		return nil
	}
	if rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
		return fmt.Errorf("the key file %s is inside the backup directory %s: keep them apart, or a copy of the backups carries the key that opens them", keyFile, backupDir)
	}
	return nil
}

// resolve is an absolute path with symbolic links resolved, as far as the
// path exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	return abs, nil
}
