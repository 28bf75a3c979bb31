;;; e2e.el --- batch end-to-end test of asyncsense.el with eglot  -*- lexical-binding: t; -*-

;; Run by run.sh: emacs --batch -l e2e.el, with ASYNCSENSE_WS naming a copy of
;; editors/testdata/shop (a git repository) and asyncsense on PATH.  Checks,
;; through eglot's own code paths: the ASY001 diagnostic in flymake at the
;; right character after non-ASCII text, the hover text eldoc would show, the
;; quick fix applied, the diagnostic cleared, and a polite shutdown.

(require 'eglot)
(require 'flymake)
(require 'subr-x)

(defvar asyncsense-e2e-ws (file-name-as-directory (getenv "ASYNCSENSE_WS")))
(defvar asyncsense-e2e-dir (file-name-directory (or load-file-name buffer-file-name)))

(defun e2e-log (fmt &rest args)
  (princ (concat "[emacs] " (apply #'format fmt args) "\n") #'external-debugging-output))

(defun e2e-fail (fmt &rest args)
  (e2e-log "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))

(defmacro e2e-wait (what seconds &rest cond)
  "Pump process output until COND holds, or fail after SECONDS."
  (declare (indent 2))
  `(let ((deadline (+ (float-time) ,seconds)))
     (while (not (progn ,@cond))
       (when (> (float-time) deadline)
         (e2e-fail "timed out after %ss waiting for %s" ,seconds ,what))
       (accept-process-output nil 0.05))))

;; Emacs 28 has no C# mode; a stub stands in, as csharp-mode would.
(unless (fboundp 'csharp-mode)
  (define-derived-mode csharp-mode prog-mode "C#"))
(add-to-list 'auto-mode-alist '("\\.cs\\'" . csharp-mode))

(load (expand-file-name "../asyncsense.el" asyncsense-e2e-dir) nil t)

(condition-case err
    (progn
      (find-file (expand-file-name "src/Shop/Orders.cs" asyncsense-e2e-ws))
      (unless (eq major-mode 'csharp-mode)
        (e2e-fail "major mode is %s" major-mode))
      ;; What eglot-ensure would do once Emacs is idle, which it never is here.
      (let ((guess (eglot--guess-contact)))
        (unless (equal (seq-take (nth 3 guess) 2) '("asyncsense" "serve"))
          (e2e-fail "eglot picked %S, not asyncsense" (nth 3 guess)))
        (unless (equal (nth 4 guess) "csharp")
          (e2e-fail "language ID %S, want \"csharp\"" (nth 4 guess)))
        (apply #'eglot guess))
      (let ((server (eglot-current-server)))
        (unless server (e2e-fail "eglot did not connect"))
        (unless (equal (file-truename (project-root (eglot--project server)))
                       (file-truename asyncsense-e2e-ws))
          (e2e-fail "project root %s" (project-root (eglot--project server))))
        (unless (equal (eglot-initialization-options server) asyncsense-initialization-options)
          (e2e-fail "initializationOptions %S" (eglot-initialization-options server)))
        (e2e-log "connected: %s" (jsonrpc-name server))

        ;; Diagnostic
        (flymake-mode 1)
        (flymake-start)
        (let (diag)
          (e2e-wait "the ASY001 diagnostic" 10
            (setq diag (seq-find (lambda (d) (string-match-p "ASY001\\|blocks the calling thread"
                                                             (flymake-diagnostic-text d)))
                                 (flymake-diagnostics))))
          (let ((want (save-excursion
                        (goto-char (point-min))
                        (search-forward "CountAsync().Result")
                        (match-beginning 0))))
            ;; Eglot converts the server's UTF-16 column to a buffer position;
            ;; "Größe 🙂" earlier on the line exposes any other unit.
            (unless (and (= (flymake-diagnostic-beg diag) want)
                         (= (flymake-diagnostic-end diag) (+ want (length "CountAsync().Result"))))
              (e2e-fail "diagnostic spans %d-%d, want %d-%d"
                        (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag)
                        want (+ want (length "CountAsync().Result"))))
            (e2e-log "diagnostic at line %d: %s" (line-number-at-pos want)
                     (flymake-diagnostic-text diag))

            ;; Hover, through the function eldoc calls.
            (goto-char (+ want 2))
            (let (info)
              (eglot-hover-eldoc-function (lambda (text &rest _) (setq info (or text ""))))
              (e2e-wait "hover" 10 info)
              (unless (and (string-match-p "ASY001" info) (string-match-p "Why is this bad" info))
                (e2e-fail "hover shows %S" info))
              (e2e-log "hover: %s" (car (split-string info "\n"))))

            ;; Quick fix: what M-x eglot-code-actions does after the pick.
            (let* ((actions (eglot-code-actions want (flymake-diagnostic-end diag) "quickfix"))
                   (fix (seq-find (lambda (a) (string-match-p "await" (plist-get a :title))) actions)))
              (unless fix (e2e-fail "no await quick fix in %S" actions))
              (eglot--read-execute-code-action (list fix) server "quickfix")
              (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
                (unless (string-match-p "var n = await CountAsync();" line)
                  (e2e-fail "after the fix the line is %S" line))
                (e2e-log "applied %S: %s" (plist-get fix :title) (string-trim line))))

            ;; Eglot sends didChange from an idle timer; batch Emacs is never idle.
            (eglot--signal-textDocument/didChange)
            (e2e-wait "the diagnostic to clear" 10
              (not (seq-find (lambda (d) (string-match-p "ASY001\\|blocks the calling thread"
                                                         (flymake-diagnostic-text d)))
                             (flymake-diagnostics))))
            (e2e-log "diagnostic cleared")))

        ;; eglot-shutdown signals if the shutdown request goes unanswered.
        (let ((proc (jsonrpc--process server)))
          (eglot-shutdown server nil 5)
          (e2e-wait "the server process to end" 5 (not (process-live-p proc))))
        (e2e-log "server shut down")))
  (error (e2e-fail "%S" err)))
(kill-emacs 0)
