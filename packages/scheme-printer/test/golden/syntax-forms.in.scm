(define-syntax swap! (lambda (x) (syntax-case x () ((_ a b) #'(let ((tmp a)) (set! a b) (set! b tmp))))))
(define-syntax q (lambda (s) #`(list #,(car s) #,@(cdr s))))
(define explicit (list (quote a) (quasiquote (b (unquote c) (unquote-splicing d))) (gexp (ungexp e))))
