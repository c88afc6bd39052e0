(define x `(a , @b #$ @c (unquote @d)))
(define y (list #;(commented out) 1 #| note |# 2 #| multi
  line |# 3))
