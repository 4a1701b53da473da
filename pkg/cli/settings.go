package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// EnvPrefix prefixes every environment variable natospend reads.
const EnvPrefix = "NATOSPEND"

// EnvName is the environment variable of a flag: NATOSPEND_<FLAG>, with
// dashes as underscores (--no-header: NATOSPEND_NO_HEADER).
func EnvName(flag string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// settingFlags are the flags that cannot come from env or config.
var notSettings = map[string]bool{"help": true, "version": true, "config": true}

// ApplySettings fills every flag the user did not give on the command line
// from the environment (NATOSPEND_<FLAG>) or else the config file, with one
// viper instance per run. Precedence: flag, env, config file, default. A
// bad value is an error that names where it came from.
func ApplySettings(cmd *cobra.Command, ios *iostreams.IOStreams, configFlag string) error {
	getenv := ios.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	v := viper.New()
	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.SetConfigType("yaml")

	path, explicit := configFlag, configFlag != ""
	origin := "--config " + path
	if !explicit {
		if p := getenv(EnvPrefix + "_CONFIG"); p != "" {
			path, explicit, origin = p, true, EnvPrefix+"_CONFIG="+p
		}
	}
	if !explicit {
		if dir, err := userConfigDir(getenv); err == nil && dir != "" {
			path = filepath.Join(dir, "natospend", "config.yaml")
			origin = "config file " + path
		}
	}
	if path != "" {
		_, statErr := os.Stat(path)
		switch {
		case statErr == nil:
			v.SetConfigFile(path)
			if err := v.ReadInConfig(); err != nil {
				return cmdutil.UsageErrorf("config file %s: %v", path, err)
			}
		case errors.Is(statErr, fs.ErrNotExist) && !explicit:
			// No config file at the default place: flags and env only.
		default:
			return cmdutil.UsageErrorf("%s: %v", origin, statErr)
		}
	}
	if v.ConfigFileUsed() != "" {
		if err := checkConfigKeys(cmd.Root(), v); err != nil {
			return err
		}
	}

	var errs []string
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if notSettings[fl.Name] || fl.Changed {
			return
		}
		var val, from string
		if s := getenv(EnvName(fl.Name)); s != "" {
			val, from = s, EnvName(fl.Name)+"="+s
		} else if v.InConfig(fl.Name) {
			val = configString(v.Get(fl.Name))
			from = fmt.Sprintf("config file %s: %s: %s", v.ConfigFileUsed(), fl.Name, val)
		} else {
			return
		}
		if err := cmd.Flags().Set(fl.Name, val); err != nil {
			errs = append(errs, fmt.Sprintf("%s: invalid value for --%s: %v", from, fl.Name, err))
		}
		setOrigin(cmd, fl.Name, from)
	})
	if len(errs) > 0 {
		return cmdutil.UsageErrorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// userConfigDir is os.UserConfigDir, reading the environment through
// getenv (IOStreams.Getenv) as every setting does: a test's environment,
// empty by default (iostreams.Test), holds no user config directory, so
// that no config file of the machine's user changes what a test sees.
func userConfigDir(getenv func(string) string) (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = getenv("AppData")
		if dir == "" {
			return "", errors.New("%AppData% is not defined")
		}
	case "darwin", "ios":
		dir = getenv("HOME")
		if dir == "" {
			return "", errors.New("$HOME is not defined")
		}
		dir = filepath.Join(dir, "Library", "Application Support")
	case "plan9":
		dir = getenv("home")
		if dir == "" {
			return "", errors.New("$home is not defined")
		}
		dir = filepath.Join(dir, "lib")
	default: // Unix
		dir = getenv("XDG_CONFIG_HOME")
		if dir == "" {
			dir = getenv("HOME")
			if dir == "" {
				return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME are defined")
			}
			dir = filepath.Join(dir, ".config")
		} else if !filepath.IsAbs(dir) {
			return "", errors.New("path in $XDG_CONFIG_HOME is relative")
		}
	}
	return dir, nil
}

// configString turns a config value into the text a flag would take: lists
// are joined with commas.
func configString(x any) string {
	switch t := x.(type) {
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = fmt.Sprint(e)
		}
		return strings.Join(parts, ",")
	case nil:
		return ""
	default:
		return fmt.Sprint(t)
	}
}

// checkConfigKeys rejects config keys that are no flag of any command, so
// that a misspelt setting is not silently ignored.
func checkConfigKeys(root *cobra.Command, v *viper.Viper) error {
	known := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(fl *pflag.Flag) { known[fl.Name] = true })
		c.PersistentFlags().VisitAll(func(fl *pflag.Flag) { known[fl.Name] = true })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	var unknown []string
	for _, k := range v.AllKeys() {
		if !known[k] || notSettings[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return cmdutil.UsageErrorf("config file %s: unknown setting(s) %s (expected flag names without dashes, such as target, format, group)", v.ConfigFileUsed(), strings.Join(unknown, ", "))
	}
	return nil
}

const originAnnotation = "natospend/origin/"

// setOrigin records where a flag's value came from, for error messages.
func setOrigin(cmd *cobra.Command, flag, from string) {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[originAnnotation+flag] = from
}

var leadingFlag = regexp.MustCompile(`^--([a-z][a-z-]*)`)

// withOrigin prefixes a message about a flag whose value came from the
// environment or the config file with where it came from.
func withOrigin(cmd *cobra.Command, msg string) string {
	if cmd == nil {
		return msg
	}
	m := leadingFlag.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	if from := cmd.Annotations[originAnnotation+m[1]]; from != "" {
		return from + ": " + msg
	}
	return msg
}
