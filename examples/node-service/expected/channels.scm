(cons (channel
        (name 'acme)
        (url "https://example.org/acme/guix-channel.git")
        (branch "main")) %default-channels)
