#!/usr/bin/env bash
file=$1
cat $file
