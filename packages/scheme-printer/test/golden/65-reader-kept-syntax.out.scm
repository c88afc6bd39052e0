#!/usr/bin/env guile
!#
#| A block comment
   spanning lines |#
(define kept
  1)
(define dropped-datum
  (list 1
        #;(this is skipped) 2))
(let ((x 1)
      (y 2))
  (+ x y))
(define after-block
  #| inline block |# 2)
