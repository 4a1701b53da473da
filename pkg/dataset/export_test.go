package dataset

// Unpacked is unpacked, for the tests of package dataset_test.
var Unpacked = unpacked
