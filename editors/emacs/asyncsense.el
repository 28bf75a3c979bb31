;;; asyncsense.el --- asyncsense language server for eglot  -*- lexical-binding: t; -*-

;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, tools, csharp
;; URL: https://github.com/asyncsense/asyncsense

;;; Commentary:

;; Registers `asyncsense serve' with eglot for `csharp-mode' and
;; `csharp-ts-mode' buffers.  Eglot runs one server per buffer, so in those
;; buffers asyncsense takes the place of OmniSharp or csharp-ls: you get its
;; async/await diagnostics, hover explanations and quick fixes, but not their
;; completion or navigation.  To keep both, use lsp-mode, whose add-on
;; clients run beside the main one (see README.md).
;;
;;   (require 'asyncsense)   ; after eglot is on the load-path
;;   (add-hook 'csharp-mode-hook #'eglot-ensure)
;;
;; Per-project settings go in .dir-locals.el under the `asyncsense' section:
;;
;;   ((csharp-mode . ((eglot-workspace-configuration
;;                     . (:asyncsense (:severity (:ASY001 "error")))))))

;;; Code:

(require 'eglot)

(defgroup asyncsense nil
  "Async/await checks for C# through the asyncsense language server."
  :group 'eglot
  :prefix "asyncsense-")

(defcustom asyncsense-program "asyncsense"
  "The asyncsense executable: a name looked up in `exec-path', or a path."
  :type 'string)

(defcustom asyncsense-initialization-options
  '(:configureAwait "off" :diagnostics (:scope "workspace") :debounce 50)
  "Settings sent when the server starts, as a plist in eglot's JSON style.
Keys: `:severity' (a plist of rule ID or name to \"error\", \"warning\",
\"suggestion\", \"silent\" or \"none\"), `:configureAwait' (\"off\" or
\"library\"), `:diagnostics' (`:scope' \"workspace\" or \"openFiles\") and
`:debounce' (milliseconds).  A `:asyncsense' section in
`eglot-workspace-configuration', when present, replaces them."
  :type 'plist)

(defun asyncsense-eglot-contact (&optional _interactive)
  "Return eglot's contact for asyncsense, read when a server starts."
  (list asyncsense-program "serve"
        :initializationOptions asyncsense-initialization-options))

;; Eglot would derive the language ID "csharp-ts" from `csharp-ts-mode'; say
;; "csharp", as VS Code does.  Pushed to the front, the entry wins over
;; eglot's own C# entry.
(add-to-list 'eglot-server-programs
             '(((csharp-mode :language-id "csharp")
                (csharp-ts-mode :language-id "csharp"))
               . asyncsense-eglot-contact))

(provide 'asyncsense)
;;; asyncsense.el ends here
