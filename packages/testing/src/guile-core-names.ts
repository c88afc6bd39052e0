/**
 * The names Guile 3.0 binds in every module, `(guile)`: what a Guix file may use without importing it.
 * Made by `scripts/guile-core-names.sh` from guile-3.0 (3.0.8); a name Guix adds comes from a module it imports.
 *
 * @example GUILE_CORE_NAMES.has("string-append") // true
 */
// prettier-ignore
export const GUILE_CORE_NAMES: ReadonlySet<string> = new Set(`
$sc-dispatch %auto-compilation-options %char-set-dump %compile-fallback-path %cond-expand-features 
%cond-expand-table %default-port-conversion-strategy %default-port-encoding %expanded-vtables 
%file-port-name-canonicalization %fresh-auto-compile %get-pre-modules-obarray %get-stack-size %global-site-dir 
%guile-build-info %host-type %init-rdelim-builtins %init-rw-builtins %library-dir %load-announce 
%load-compiled-extensions %load-compiled-path %load-extensions %load-hook %load-path %load-should-auto-compile 
%load-verbosely %package-data-dir %print-module %read-hash-procedures %resolve-variable %search-load-path 
%site-ccache-dir %site-dir %stacks %start-stack %string-dump %symbol-dump %warn-auto-compilation-enabled 
&compound-exception &error &exception &exception-with-kind-and-args &non-continuable &programming-error 
&quit-exception * *features* *random-state* *repl-stack* *unspecified* + - ->bool ->char-set ... / 1+ 1- < <= 
<applicable-struct-vtable> <applicable-struct-with-setter-vtable> <parameter> <standard-vtable> = => > >= @ @@ 
AF_INET AF_INET6 AF_UNIX AF_UNSPEC AI_ADDRCONFIG AI_ALL AI_CANONNAME AI_NUMERICHOST AI_NUMERICSERV AI_PASSIVE 
AI_V4MAPPED AT_EMPTY_PATH AT_NO_AUTOMOUNT AT_SYMLINK_FOLLOW AT_SYMLINK_NOFOLLOW E2BIG EACCES EADDRINUSE 
EADDRNOTAVAIL EADV EAFNOSUPPORT EAGAIN EAI_ADDRFAMILY EAI_AGAIN EAI_ALLDONE EAI_BADFLAGS EAI_CANCELED EAI_FAIL 
EAI_FAMILY EAI_IDN_ENCODE EAI_INPROGRESS EAI_INTR EAI_MEMORY EAI_NODATA EAI_NONAME EAI_NOTCANCELED EAI_OVERFLOW 
EAI_SERVICE EAI_SOCKTYPE EAI_SYSTEM EALREADY EBADE EBADF EBADFD EBADMSG EBADR EBADRQC EBADSLT EBFONT EBUSY 
ECANCELED ECHILD ECHRNG ECOMM ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDEADLOCK EDESTADDRREQ EDOM EDOTDOT 
EDQUOT EEXIST EFAULT EFBIG EHOSTDOWN EHOSTUNREACH EHWPOISON EIDRM EILSEQ EINPROGRESS EINTR EINVAL EIO EISCONN 
EISDIR EISNAM EKEYEXPIRED EKEYREJECTED EKEYREVOKED EL2HLT EL2NSYNC EL3HLT EL3RST ELIBACC ELIBBAD ELIBEXEC ELIBMAX 
ELIBSCN ELNRNG ELOOP EMEDIUMTYPE EMFILE EMLINK EMSGSIZE EMULTIHOP ENAMETOOLONG ENAVAIL ENETDOWN ENETRESET 
ENETUNREACH ENFILE ENOANO ENOBUFS ENOCSI ENODATA ENODEV ENOENT ENOEXEC ENOKEY ENOLCK ENOLINK ENOMEDIUM ENOMEM 
ENOMSG ENONET ENOPKG ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS ENOTBLK ENOTCONN ENOTDIR ENOTEMPTY ENOTNAM 
ENOTRECOVERABLE ENOTSOCK ENOTSUP ENOTTY ENOTUNIQ ENXIO EOPNOTSUPP EOVERFLOW EOWNERDEAD EPERM EPFNOSUPPORT EPIPE 
EPROTO EPROTONOSUPPORT EPROTOTYPE ERANGE EREMCHG EREMOTE EREMOTEIO ERESTART ERFKILL EROFS ESHUTDOWN ESOCKTNOSUPPORT 
ESPIPE ESRCH ESRMNT ESTALE ESTRPIPE ETIME ETIMEDOUT ETOOMANYREFS ETXTBSY EUCLEAN EUNATCH EUSERS EWOULDBLOCK EXDEV 
EXFULL EXIT_FAILURE EXIT_SUCCESS FD_CLOEXEC F_DUPFD F_GETFD F_GETFL F_GETOWN F_OK F_SETFD F_SETFL F_SETOWN 
INADDR_ANY INADDR_BROADCAST INADDR_LOOPBACK INADDR_NONE IPPROTO_IP IPPROTO_TCP IPPROTO_UDP IP_ADD_MEMBERSHIP 
IP_DROP_MEMBERSHIP IP_MULTICAST_IF IP_MULTICAST_TTL ITIMER_PROF ITIMER_REAL ITIMER_VIRTUAL LC_ADDRESS LC_ALL 
LC_COLLATE LC_CTYPE LC_IDENTIFICATION LC_MEASUREMENT LC_MESSAGES LC_MONETARY LC_NAME LC_NUMERIC LC_PAPER 
LC_TELEPHONE LC_TIME LOCK_EX LOCK_NB LOCK_SH LOCK_UN MSG_DONTROUTE MSG_DONTWAIT MSG_OOB MSG_PEEK NSIG O_APPEND 
O_ASYNC O_CLOEXEC O_CREAT O_DIRECT O_DIRECTORY O_EXCL O_IGNORE_CTTY O_LARGEFILE O_NDELAY O_NOATIME O_NOCTTY 
O_NOFOLLOW O_NOLINK O_NONBLOCK O_NOTRANS O_PATH O_RDONLY O_RDWR O_SYNC O_TMPFILE O_TRUNC O_WRONLY PF_INET PF_INET6 
PF_UNIX PF_UNSPEC PIPE_BUF PRIO_PGRP PRIO_PROCESS PRIO_USER R_OK SA_NOCLDSTOP SA_RESTART SIGABRT SIGALRM SIGBUS 
SIGCHLD SIGCLD SIGCONT SIGFPE SIGHUP SIGILL SIGINT SIGIO SIGIOT SIGKILL SIGPIPE SIGPOLL SIGPROF SIGPWR SIGQUIT 
SIGRTMAX SIGRTMIN SIGSEGV SIGSTKFLT SIGSTKSZ SIGSTOP SIGSYS SIGTERM SIGTRAP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGUSR1 
SIGUSR2 SIGVTALRM SIGWINCH SIGXCPU SIGXFSZ SIG_DFL SIG_IGN SOCK_CLOEXEC SOCK_DGRAM SOCK_NONBLOCK SOCK_RAW SOCK_RDM 
SOCK_SEQPACKET SOCK_STREAM SOL_SOCKET SO_BROADCAST SO_DEBUG SO_DONTROUTE SO_ERROR SO_KEEPALIVE SO_LINGER 
SO_NO_CHECK SO_OOBINLINE SO_PRIORITY SO_RCVBUF SO_REUSEADDR SO_REUSEPORT SO_SNDBUF SO_TYPE TCP_CORK TCP_NODELAY 
WAIT_ANY WAIT_MYPGRP WNOHANG WUNTRACED W_OK X_OK _ abort-hook abort-to-prompt abort-to-prompt* abs 
absolute-file-name? accept access? acons acos acosh add-hook! add-to-load-path addrinfo:addr addrinfo:canonname 
addrinfo:fam addrinfo:flags addrinfo:protocol addrinfo:socktype after-backtrace-hook after-error-hook 
after-eval-hook after-gc-hook after-print-hook after-read-hook alarm allocate-struct and and-map and=> angle append 
append! apply array->list array-cell-ref array-cell-set! array-contents array-copy! array-copy-in-order! 
array-dimensions array-equal? array-fill! array-for-each array-in-bounds? array-index-map! array-length array-map! 
array-map-in-order! array-rank array-ref array-set! array-shape array-slice array-slice-for-each 
array-slice-for-each-in-order array-type array-type-code array? ash asin asinh assert-load-verbosity assoc 
assoc-ref assoc-remove! assoc-set! assq assq-ref assq-remove! assq-set! assv assv-ref assv-remove! assv-set! atan 
atanh autoload-done! autoload-done-or-in-progress? autoload-in-progress! autoloads-done autoloads-in-progress 
backtrace basename batch-mode? beautify-user-module! before-backtrace-hook before-error-hook before-eval-hook 
before-print-hook before-read-hook begin begin-deprecated bind bind-textdomain-codeset bindtextdomain bit-count 
bit-count* bit-extract bit-invert! bit-position bit-set*! bitvector bitvector->list bitvector-bit-clear? 
bitvector-bit-set? bitvector-clear-all-bits! bitvector-clear-bit! bitvector-clear-bits! bitvector-copy 
bitvector-count bitvector-count-bits bitvector-fill! bitvector-flip-all-bits! bitvector-length bitvector-position 
bitvector-ref bitvector-set! bitvector-set-all-bits! bitvector-set-bit! bitvector-set-bits! bitvector? boolean? 
bound-identifier=? caaaar caaadr caaar caadar caaddr caadr caar cadaar cadadr cadar caddar cadddr caddr cadr 
call-with-blocked-asyncs call-with-current-continuation call-with-deferred-observers call-with-include-port 
call-with-module-autoload-lock call-with-output-string call-with-prompt call-with-unblocked-asyncs call-with-values 
call/cc canonicalize-path car case case-lambda case-lambda* catch cdaaar cdaadr cdaar cdadar cdaddr cdadr cdar 
cddaar cddadr cddar cdddar cddddr cdddr cddr cdr ceiling ceiling-quotient ceiling-remainder ceiling/ 
centered-quotient centered-remainder centered/ char->integer char-alphabetic? char-ci<=? char-ci<? char-ci=? 
char-ci>=? char-ci>? char-downcase char-general-category char-is-both? char-lower-case? char-numeric? char-set 
char-set->list char-set->string char-set-adjoin char-set-adjoin! char-set-any char-set-complement 
char-set-complement! char-set-contains? char-set-copy char-set-count char-set-cursor char-set-cursor-next 
char-set-delete char-set-delete! char-set-diff+intersection char-set-diff+intersection! char-set-difference 
char-set-difference! char-set-every char-set-filter char-set-filter! char-set-fold char-set-for-each char-set-hash 
char-set-intersection char-set-intersection! char-set-map char-set-ref char-set-size char-set-unfold 
char-set-unfold! char-set-union char-set-union! char-set-xor char-set-xor! char-set:ascii char-set:blank 
char-set:designated char-set:digit char-set:empty char-set:full char-set:graphic char-set:hex-digit 
char-set:iso-control char-set:letter char-set:letter+digit char-set:lower-case char-set:printing 
char-set:punctuation char-set:symbol char-set:title-case char-set:upper-case char-set:whitespace char-set<= 
char-set= char-set? char-titlecase char-upcase char-upper-case? char-whitespace? char<=? char<? char=? char>=? 
char>? char? chdir chmod chown chroot close close-fdes close-port closedir command-line complex? compose cond 
cond-expand cond-expand-provide connect cons cons* cons-source const convert-assignment copy-file copy-random-state 
cos cosh crypt ctermid current-dynamic-state current-error-port current-filename current-language current-module 
current-reader current-source-location current-time current-warning-port datum->random-state datum->syntax 
debug-disable debug-enable debug-options debug-options-interface debug-set! default-duplicate-binding-handler 
default-duplicate-binding-procedures default-prompt-tag define define! define* define-inlinable define-library 
define-macro define-module define-module* define-once define-option-interface define-private define-public 
define-syntax define-syntax-parameter define-syntax-rule define-values defined? defmacro defmacro-public delay 
delete delete! delete-file delete1! delq delq! delq1! delv delv! delv1! denominator directory-stream? dirname 
display display-application display-backtrace display-error do doubly-weak-hash-table? duplicate-handlers 
dynamic-call dynamic-func dynamic-link dynamic-object? dynamic-pointer dynamic-state? dynamic-unlink dynamic-wind 
effective-version else end-of-char-set? endgrent endhostent endnetent endprotoent endpwent endservent 
ensure-batch-mode! environ eof-object? eq? equal? eqv? error euclidean-quotient euclidean-remainder euclidean/ eval 
eval-string eval-when even? exact->inexact exact-integer-sqrt exact-integer? exact? exception-accessor 
exception-args exception-kind exception-predicate exception-type? exception? execl execle execlp exit exit-hook exp 
export export! export-syntax expt false-if-exception fcntl file-encoding file-exists? file-is-directory? 
file-name-separator-string file-name-separator? filter filter! finite? flock floor floor-quotient floor-remainder 
floor/ fluid->parameter fluid-bound? fluid-ref fluid-ref* fluid-set! fluid-thread-local? fluid-unset! fluid? 
for-each force force-output format frame-address frame-arguments frame-dynamic-link frame-instruction-pointer 
frame-previous frame-procedure-name frame-return-address frame-source frame-stack-pointer frame? free-identifier=? 
fsync gai-strerror gc gc-disable gc-dump gc-enable gc-run-time gc-stats gcd generate-temporaries gensym 
get-internal-real-time get-internal-run-time get-output-string get-print-state getaddrinfo getaffinity getcwd 
getegid getenv geteuid getgid getgr getgrent getgrgid getgrnam getgroups gethost gethostbyaddr gethostbyname 
gethostent gethostname getitimer getlogin getnet getnetbyaddr getnetbyname getnetent getpass getpeername getpgrp 
getpid getppid getpriority getproto getprotobyname getprotobynumber getprotoent getpw getpwent getpwnam getpwuid 
getrlimit getserv getservbyname getservbyport getservent getsid getsockname getsockopt gettext gettimeofday getuid 
gmtime group:gid group:mem group:name group:passwd has-shown-backtrace-hint? hash hash-clear! hash-count 
hash-create-handle! hash-fold hash-for-each hash-for-each-handle hash-get-handle hash-map->list hash-ref 
hash-remove! hash-set! hash-table? hashq hashq-create-handle! hashq-get-handle hashq-ref hashq-remove! hashq-set! 
hashv hashv-create-handle! hashv-get-handle hashv-ref hashv-remove! hashv-set! hashx-create-handle! 
hashx-get-handle hashx-ref hashx-remove! hashx-set! hook->list hook-empty? hook? hostent:addr-list hostent:addrtype 
hostent:aliases hostent:length hostent:name identifier-syntax identifier? identity if imag-part import in-vicinity 
include include-ci include-deprecated-features include-from-path include-library-declarations inet-lnaof 
inet-makeaddr inet-netof inet-ntop inet-pton inexact->exact inexact? inf inf? install-r6rs! install-r7rs! 
integer->char integer-expt integer-length integer? interaction-environment internal-time-units-per-second iota 
issue-deprecation-warning keyword->symbol keyword-like-symbol->keyword keyword? kill kw-arg-ref lambda lambda* 
last-pair lcm length let let* let-syntax letrec letrec* letrec-syntax library link list list->array list->bitvector 
list->char-set list->char-set! list->string list->symbol list->typed-array list->vector list-cdr-ref list-cdr-set! 
list-copy list-head list-index list-ref list-set! list-tail list? listen load load-compiled load-extension 
load-from-path load-in-vicinity load-user-init local-define local-define-module local-ref local-ref-module 
local-remove local-set! localtime log log10 logand logbit? logcount logior lognot logtest logxor 
lookup-duplicates-handlers lstat macro-binding macro-name macro-transformer macro-type macro? macroexpand 
macroexpanded? magnitude major-version make-array make-autoload-interface make-bitvector 
make-doubly-weak-hash-table make-exception make-exception-from-throw make-exception-type make-fluid 
make-fresh-user-module make-generalized-vector make-guardian make-hash-table make-hook make-list make-module 
make-modules-in make-mutable-parameter make-object-property make-parameter make-polar make-procedure-with-setter 
make-promise make-prompt-tag make-record-type make-rectangular make-regexp make-shared-array make-socket-address 
make-soft-port make-stack make-string make-struct-layout make-struct/no-tail make-struct/simple make-symbol 
make-syntax-transformer make-thread-local-fluid make-typed-array make-unbound-fluid make-undefined-variable 
make-variable make-variable-transformer make-vector make-vtable make-weak-key-hash-table make-weak-value-hash-table 
map map-in-order max member memoize-expression memoized-typecode memq memv merge merge! micro-version min 
minor-version mkdir mkdtemp mknod mkstemp mkstemp! mktime module-add! module-autoload! module-binder module-bound? 
module-call-observers module-clear! module-constructor module-declarative? module-defer-observers module-define! 
module-define-submodule! module-defined-hook module-defined? module-duplicates-handlers 
module-ensure-local-variable! module-export! module-export-all! module-filename module-for-each 
module-generate-unique-id! module-gensym module-import-interface module-import-obarray module-inlinable-exports 
module-kind module-local-variable module-locally-bound? module-make-local-var! module-map module-modified 
module-name module-next-unique-id module-obarray module-obarray-get-handle module-obarray-ref 
module-obarray-remove! module-obarray-set! module-observe module-observe-weak module-observers 
module-public-interface module-re-export! module-ref module-ref-submodule module-remove! module-replace! 
module-replacements module-reverse-lookup module-search module-set! module-submodule-binder module-submodules 
module-symbol-binding module-symbol-interned? module-symbol-local-binding module-symbol-locally-interned? 
module-transformer module-type module-unobserve module-use! module-use-interfaces! module-uses module-variable 
module-version module-weak-observers module? modulo modulo-expt most-negative-fixnum most-positive-fixnum nan nan? 
negate negative? nested-define! nested-define-module! nested-ref nested-ref-module nested-remove! nested-set! 
netent:addrtype netent:aliases netent:name netent:net newline ngettext nice nil? noop not null? number->string 
number? numerator object->string object-address object-properties object-property odd? open open-fdes open-file 
open-input-file open-input-string open-output-string opendir or or-map pair? parameter-converter parameter-fluid 
parameter? parameterize parse-path parse-path-with-ellipsis passwd:dir passwd:gecos passwd:gid passwd:name 
passwd:passwd passwd:shell passwd:uid pause peek pipe pk port-with-print-state positive? prefab-record-types 
primitive-_exit primitive-eval primitive-exit primitive-fork primitive-load primitive-load-path primitive-read 
print-disable print-enable print-exception print-options print-options-interface print-set! procedure 
procedure-documentation procedure-minimum-arity procedure-name procedure-properties procedure-property 
procedure-source procedure-with-setter? procedure? process-use-modules program-arguments promise? protoent:aliases 
protoent:name protoent:proto provide provided? purify-module! putenv quasiquote quasisyntax quit quote quote-syntax 
quotient raise raise-exception random random-state->datum random-state-from-platform random:exp 
random:hollow-sphere! random:normal random:normal-vector! random:solid-sphere! random:uniform rational? rationalize 
re-export re-export-syntax read read-disable read-enable read-eval? read-hash-extend read-hash-procedure 
read-hash-procedures read-options read-options-interface read-set! read-syntax readdir readlink real-part real? 
record-accessor record-constructor record-modifier record-predicate record-type-constructor record-type-descriptor 
record-type-extensible? record-type-fields record-type-has-parent? record-type-mutable-fields record-type-name 
record-type-opaque? record-type-parent record-type-parents record-type-properties record-type-uid 
record-type-vtable record-type? record? recv! recvfrom! regexp-exec regexp/basic regexp/extended regexp/icase 
regexp/newline regexp/notbol regexp/noteol regexp? reload-module remainder remove-hook! rename-file repl-reader 
require-extension reset-hook! resolve-interface resolve-module resolve-r6rs-interface restore-signals 
restricted-vector-sort! reverse reverse! reverse-list->string rewinddir rmdir round round-ash round-quotient 
round-remainder round/ run-hook save-module-excursion scm-error search-path seed->random-state select 
self-evaluating? send sendfile sendto servent:aliases servent:name servent:port servent:proto set! set-autoloaded! 
set-car! set-cdr! set-current-dynamic-state set-current-module set-exception-printer! set-module-binder! 
set-module-declarative?! set-module-duplicates-handlers! set-module-filename! set-module-inlinable-exports! 
set-module-kind! set-module-name! set-module-next-unique-id! set-module-obarray! set-module-observers! 
set-module-public-interface! set-module-submodule-binder! set-module-submodules! set-module-transformer! 
set-module-uses! set-module-version! set-object-properties! set-object-property! set-port-encoding! 
set-procedure-minimum-arity! set-procedure-properties! set-procedure-property! set-program-arguments 
set-source-properties! set-source-property! set-struct-vtable-name! set-symbol-property! set-tm:gmtoff set-tm:hour 
set-tm:isdst set-tm:mday set-tm:min set-tm:mon set-tm:sec set-tm:wday set-tm:yday set-tm:year set-tm:zone 
setaffinity setegid setenv seteuid setgid setgr setgrent setgroups sethost sethostent sethostname setitimer 
setlocale setnet setnetent setpgid setpriority setproto setprotoent setpw setpwent setrlimit setserv setservent 
setsid setsockopt setter setuid shared-array-increments shared-array-offset shared-array-root shutdown sigaction 
signal-handlers simple-exceptions simple-format sin sinh sleep sloppy-assoc sloppy-assq sloppy-assv sockaddr:addr 
sockaddr:fam sockaddr:flowinfo sockaddr:path sockaddr:port sockaddr:scopeid socket socketpair sort sort! sort-list 
sort-list! sorted? source-properties source-property source-whash sqrt stable-sort stable-sort! stack-id 
stack-length stack-ref stack? standard-vtable-fields start-stack stat stat:atime stat:atimensec stat:blksize 
stat:blocks stat:ctime stat:ctimensec stat:dev stat:gid stat:ino stat:mode stat:mtime stat:mtimensec stat:nlink 
stat:perms stat:rdev stat:size stat:type stat:uid status:exit-val status:stop-sig status:term-sig strerror strftime 
string string->char-set string->char-set! string->list string->number string->symbol string-any string-any-c-code 
string-append string-append/shared string-bytes-per-char string-capitalize string-capitalize! string-ci->symbol 
string-ci< string-ci<= string-ci<=? string-ci<> string-ci<? string-ci= string-ci=? string-ci> string-ci>= 
string-ci>=? string-ci>? string-compare string-compare-ci string-concatenate string-concatenate-reverse 
string-concatenate-reverse/shared string-concatenate/shared string-contains string-contains-ci string-copy 
string-copy! string-count string-delete string-downcase string-downcase! string-drop string-drop-right string-every 
string-every-c-code string-fill! string-filter string-fold string-fold-right string-for-each string-for-each-index 
string-hash string-hash-ci string-index string-index-right string-join string-length string-map string-map! 
string-normalize-nfc string-normalize-nfd string-normalize-nfkc string-normalize-nfkd string-null? string-pad 
string-pad-right string-prefix-ci? string-prefix-length string-prefix-length-ci string-prefix? string-ref 
string-replace string-reverse string-reverse! string-rindex string-set! string-skip string-skip-right string-split 
string-suffix-ci? string-suffix-length string-suffix-length-ci string-suffix? string-tabulate string-take 
string-take-right string-titlecase string-titlecase! string-tokenize string-trim string-trim-both string-trim-right 
string-unfold string-unfold-right string-upcase string-upcase! string-utf8-length string-xcopy! string< string<= 
string<=? string<> string<? string= string=? string> string>= string>=? string>? string? strptime struct-layout 
struct-ref struct-ref/unboxed struct-set! struct-set!/unboxed struct-vtable struct-vtable-name struct-vtable? 
struct? substring substring-fill! substring-move! substring/copy substring/read-only substring/shared 
supports-source-properties? symbol symbol->keyword symbol->string symbol-append symbol-fref symbol-fset! 
symbol-hash symbol-interned? symbol-pref symbol-prefix-proc symbol-property symbol-property-remove! symbol-pset! 
symbol? symlink sync syntax syntax->datum syntax-case syntax-error syntax-parameterize syntax-rules syntax-source 
syntax-violation system system* system-async-mark system-error-errno system-file-name-convention 
t-680b775fb37a463-835-ea7466bacb65da2 t-680b775fb37a463-84a-dd4ca4dd94494c8 tan tanh tcgetpgrp tcsetpgrp textdomain 
the-root-module the-scm-module throw thunk? times tm:gmtoff tm:hour tm:isdst tm:mday tm:min tm:mon tm:sec tm:wday 
tm:yday tm:year tm:zone tmpfile tmpnam tms:clock tms:cstime tms:cutime tms:stime tms:utime transpose-array truncate 
truncate-quotient truncate-remainder truncate/ try-load-module try-module-autoload ttyname typed-array? tzset 
ucs-range->char-set ucs-range->char-set! umask uname unless unmemoize-expression unquote unquote-splicing unsetenv 
unspecified? unsyntax unsyntax-splicing use-modules use-srfis user-modules-declarative? using-readline? usleep 
utime utsname:machine utsname:nodename utsname:release utsname:sysname utsname:version values variable-bound? 
variable-ref variable-set! variable-unset! variable? vector vector->list vector-copy vector-copy! vector-fill! 
vector-length vector-move-left! vector-move-right! vector-ref vector-set! vector? version version-matches? 
vtable-index-layout vtable-index-printer vtable-offset-user waitpid warn weak-key-hash-table? 
weak-value-hash-table? when while with-continuation-barrier with-dynamic-state with-ellipsis with-exception-handler 
with-fluid* with-fluids with-fluids* with-syntax with-throw-handler write write-char xsubstring zero? λ `.split(/\s+/).filter(Boolean));
