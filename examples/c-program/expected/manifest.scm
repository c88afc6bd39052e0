(use-modules (guix packages)
             (guix download)
             (guix build-system gnu)
             (gnu packages pkg-config)
             (gnu packages compression)
             (gnu packages glib)
             ((guix licenses)
              #:prefix license:))

(define greeter
  (package
    (name "greeter")
    (version "2.3.1")
    (source
     (origin
       (method url-fetch)
       (uri (list "https://example.org/releases/greeter-2.3.1.tar.gz"
                  "mirror://gnu/greeter/greeter-2.3.1.tar.gz"))
       (sha256
        (base32 "0ssi1wpaf7plaswqqjwigppsg5fyh99vdlb9kzl7c9lng89ndq1i"))
       (patches (list (local-file "greeter-fix-locale.patch")))))
    (outputs '("out" "doc"))
    (build-system gnu-build-system)
    (arguments
     (list
      #:configure-flags '("--disable-static" "--enable-nls")
      #:parallel-tests? #f))
    (native-inputs (list pkg-config))
    (inputs (list zlib
                  (list glib "bin")))
    (native-search-paths
     (list (search-path-specification
            (variable "GREETER_PLUGIN_PATH")
            (files '("lib/greeter/plugins")))))
    (synopsis "Print a friendly greeting")
    (description
     "Greeter prints a greeting in the language of the current locale.")
    (home-page "https://example.org/greeter")
    (license license:gpl3+)))

(packages->manifest (list greeter
                          (list greeter "doc")))
