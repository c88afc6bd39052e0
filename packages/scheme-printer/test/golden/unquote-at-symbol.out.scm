(define x
  `(a ,#{@b}#
      #$#{@c}#
      ,#{@d}#))
(define y
  (list #;(commented out)
        1
        #| note |#
        2
        #| multi
  line |#
        3))
