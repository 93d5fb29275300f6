#!/bin/sh
echo '[=v.value]'   
echo "${HOME}"


