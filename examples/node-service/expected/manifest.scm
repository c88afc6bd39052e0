(use-modules (guix packages)
             (guix git-download)
             (guix build-system node)
             (gnu packages node)
             ((guix licenses)
              #:prefix license:))

(define hello-service
  (package
    (name "hello-service")
    (version "1.4.0")
    (source
     (origin
       (method git-fetch)
       (uri (git-reference
             (url "https://example.org/acme/hello-service.git")
             (commit "v1.4.0")))
       (file-name (git-file-name name version))
       (sha256
        (base32 "1b7a0m3clm4sd7b9pbgjd4qf4c9hmjkz6ir1fxq0w3lx3yqj2n1k"))))
    (build-system node-build-system)
    (arguments
     (list
      #:node node-lts
      #:tests? #f
      #:phases
      #~(modify-phases %standard-phases
          (delete 'configure))))
    (inputs (list node-lts))
    (synopsis "Greeting web service")
    (description "A small HTTP service that answers with a greeting.")
    (home-page "https://example.org/acme/hello-service")
    (license license:expat)))

(concatenate-manifests (list (specifications->manifest (list "node-lts"
                                                             "coreutils"
                                                             "nss-certs"))
                             (packages->manifest (list hello-service))))
