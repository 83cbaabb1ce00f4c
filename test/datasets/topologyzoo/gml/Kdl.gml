graph [
  DateObtained "25/10/10"
  GeoLocation "USA"
  GeoExtent "Country"
  Network "Kentucky Datalink "
  Provenance "Primary"
  Note "Fiber provider"
  Source "http://www.kdlinc.com/"
  Version "1.0"
  DateType "Current"
  Type "COM"
  Backbone 1
  Commercial 0
  label "Kdl"
  ToolsetVersion "0.3.34dev-20120328"
  Customer 1
  IX 0
  SourceGitVersion "e278b1b"
  DateModifier "="
  DateMonth "08"
  LastAccess "3/08/10"
  Access 0
  Layer "Fibre"
  Creator "Topology Zoo Toolset"
  Developed 0
  Transit 0
  NetworkDate "2010_08"
  DateYear "2010"
  LastProcessed "2011_09_01"
  Testbed 0
  multigraph 1
  node [
    id 0
    label "Rolla"
    geocode_append "Missouri"
    Country "United States"
    Longitude -91.77127
    Internal 1
    Latitude 37.95143
  ]
  node [
    id 1
    label "Sedalia"
    geocode_append "Missouri"
    Country "United States"
    Longitude -93.22826
    Internal 1
    Latitude 38.70446
  ]
  node [
    id 2
    label "Rogers"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -94.11854
    Internal 1
    Latitude 36.33202
  ]
  node [
    id 3
    label "Boonville"
    geocode_append "Missouri"
    Country "United States"
    Longitude -92.74324
    Internal 1
    Latitude 38.97364
  ]
  node [
    id 4
    label "Bentonville"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -94.20882
    Internal 1
    Latitude 36.37285
  ]
  node [
    id 5
    label "Waukesha"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.23148
    Internal 1
    Latitude 43.01168
  ]
  node [
    id 6
    label "Milwaukee"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -87.90647
    Internal 1
    Latitude 43.0389
  ]
  node [
    id 7
    label "Gary?"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.34643
    Internal 1
    Latitude 41.59337
  ]
  node [
    id 8
    label "Wichita Falls"
    geocode_append "Texas"
    Country "United States"
    Longitude -98.49339
    Internal 1
    Latitude 33.91371
  ]
  node [
    id 9
    label "Bowle"
    geocode_append "Texas"
    Country "United States"
    geocode_id "7173052"
    Internal 1
    Longitude -97.84404
    Latitude 33.55661
  ]
  node [
    id 10
    label "Watersmeet"
    geocode_append "Michigan"
    Country "United States"
    Longitude -89.17792
    Internal 1
    Latitude 46.26773
  ]
  node [
    id 11
    label "Ironwood"
    geocode_append "Michigan"
    Country "United States"
    Longitude -90.17101
    Internal 1
    Latitude 46.45467
  ]
  node [
    id 12
    label "Flatonia"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.1086
    Internal 1
    Latitude 29.68773
  ]
  node [
    id 13
    label "Marquette"
    geocode_append "Michigan"
    Country "United States"
    Longitude -87.39542
    Internal 1
    Latitude 46.54354
  ]
  node [
    id 14
    label "Escanaba"
    geocode_append "Michigan"
    Country "United States"
    Longitude -87.06458
    Internal 1
    Latitude 45.74525
  ]
  node [
    id 15
    label "Iron Mountain"
    geocode_append "Michigan"
    Country "United States"
    Longitude -88.06596
    Internal 1
    Latitude 45.82023
  ]
  node [
    id 16
    label "Green Bay"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.01983
    Internal 1
    Latitude 44.51916
  ]
  node [
    id 17
    label "De Pere"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.06038
    Internal 1
    Latitude 44.44888
  ]
  node [
    id 18
    label "Jeffersonville"
    Country "United States"
    Longitude -85.73718
    Internal 1
    Latitude 38.27757
  ]
  node [
    id 19
    label "Corydon"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.12192
    Internal 1
    Latitude 38.21201
  ]
  node [
    id 20
    label "Alton"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.18428
    Internal 1
    Latitude 38.8906
  ]
  node [
    id 21
    label "Nevada"
    geocode_append "Missouri"
    Country "United States"
    Longitude -94.35467
    Internal 1
    Latitude 37.83921
  ]
  node [
    id 22
    label "Byron Center"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.72281
    Internal 1
    Latitude 42.81225
  ]
  node [
    id 23
    label "Bryan"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.55245
    Internal 1
    Latitude 41.47477
  ]
  node [
    id 24
    label "Shepherdsville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.71579
    Internal 1
    Latitude 37.9884
  ]
  node [
    id 25
    label "Toledo"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.55521
    Internal 1
    Latitude 41.66394
  ]
  node [
    id 26
    label "Macquoketa"
    Country "United States"
    Longitude -90.66569
    Internal 1
    Latitude 42.06891
  ]
  node [
    id 27
    label "Clinton"
    Country "United States"
    Longitude -90.18874
    Internal 1
    Latitude 41.84447
  ]
  node [
    id 28
    label "Mayfield"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -88.63672
    Internal 1
    Latitude 36.74172
  ]
  node [
    id 29
    label "Benton"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -88.35032
    Internal 1
    Latitude 36.85728
  ]
  node [
    id 30
    label "Cedar Rapids"
    Country "United States"
    Longitude -91.64407
    Internal 1
    Latitude 42.00833
  ]
  node [
    id 31
    label "Marengo"
    Country "United States"
    Longitude -92.07074
    Internal 1
    Latitude 41.79806
  ]
  node [
    id 32
    label "Davenport"
    Country "United States"
    Longitude -90.57764
    Internal 1
    Latitude 41.52364
  ]
  node [
    id 33
    label "Iowa City"
    Country "United States"
    Longitude -91.53017
    Internal 1
    Latitude 41.66113
  ]
  node [
    id 34
    label "Clarksville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.35945
    Internal 1
    Latitude 36.52977
  ]
  node [
    id 35
    label "Dickson"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.38779
    Internal 1
    Latitude 36.077
  ]
  node [
    id 36
    label "Hopkinsville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.48862
    Internal 1
    Latitude 36.8656
  ]
  node [
    id 37
    label "Oak Grove"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.44279
    Internal 1
    Latitude 36.66505
  ]
  node [
    id 38
    label "Rochelle"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.06871
    Internal 1
    Latitude 41.92392
  ]
  node [
    id 39
    label "Dixon"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.47955
    Internal 1
    Latitude 41.83892
  ]
  node [
    id 40
    label "Huntingdon"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -88.42811
    Internal 1
    Latitude 36.00062
  ]
  node [
    id 41
    label "McKenzie"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -88.51866
    Internal 1
    Latitude 36.13256
  ]
  node [
    id 42
    label "Sellersburg"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.75496
    Internal 1
    Latitude 38.39812
  ]
  node [
    id 43
    label "New Albany"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.82413
    Internal 1
    Latitude 38.28562
  ]
  node [
    id 44
    label "Morgantown"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -86.6836
    Internal 1
    Latitude 37.2256
  ]
  node [
    id 45
    label "Beaver Dam"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -86.87583
    Internal 1
    Latitude 37.40199
  ]
  node [
    id 46
    label "Leitchfield"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -86.29386
    Internal 1
    Latitude 37.48005
  ]
  node [
    id 47
    label "Central City"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.12333
    Internal 1
    Latitude 37.29393
  ]
  node [
    id 48
    label "Evansville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.55585
    Internal 1
    Latitude 37.97476
  ]
  node [
    id 49
    label "Owensboro"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.11333
    Internal 1
    Latitude 37.77422
  ]
  node [
    id 50
    label "Elizabeth Town"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.85913
    Internal 1
    Latitude 37.69395
  ]
  node [
    id 51
    label "Henderson"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.59001
    Internal 1
    Latitude 37.83615
  ]
  node [
    id 52
    label "Madisonville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.49889
    Internal 1
    Latitude 37.3281
  ]
  node [
    id 53
    label "Providence"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -87.76279
    Internal 1
    Latitude 37.39754
  ]
  node [
    id 54
    label "Athens"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.10126
    Internal 1
    Latitude 39.32924
  ]
  node [
    id 55
    label "Houston"
    geocode_append "Texas"
    Country "United States"
    Longitude -95.36327
    Internal 1
    Latitude 29.76328
  ]
  node [
    id 56
    label "Liberty"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.79548
    Internal 1
    Latitude 30.05799
  ]
  node [
    id 57
    label "Hancock"
    geocode_append "Michigan"
    Country "United States"
    Longitude -88.58096
    Internal 1
    Latitude 47.12687
  ]
  node [
    id 58
    label "Warsaw"
    geocode_append "Virginia"
    Country "United States"
    Longitude -76.75801
    Internal 1
    Latitude 37.95874
  ]
  node [
    id 59
    label "Heathsville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -76.47217
    Internal 1
    Latitude 37.91763
  ]
  node [
    id 60
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 61
    label "Richmond"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.46026
    Internal 1
    Latitude 37.55376
  ]
  node [
    id 62
    label "Petersburg"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.40193
    Internal 1
    Latitude 37.22793
  ]
  node [
    id 63
    label "South Hill"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.12889
    Internal 1
    Latitude 36.72653
  ]
  node [
    id 64
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 65
    label "Chesapeake"
    geocode_append "Virginia"
    Country "United States"
    Longitude -76.27494
    Internal 1
    Latitude 36.81904
  ]
  node [
    id 66
    label "Elizabeth City"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -76.25105
    Internal 1
    Latitude 36.2946
  ]
  node [
    id 67
    label "Hertford"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -76.46605
    Internal 1
    Latitude 36.19016
  ]
  node [
    id 68
    label "Logan"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.4071
    Internal 1
    Latitude 39.54007
  ]
  node [
    id 69
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 70
    label "Seguin"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.96473
    Internal 1
    Latitude 29.56884
  ]
  node [
    id 71
    label "Monroe"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -92.1193
    Internal 1
    Latitude 32.50931
  ]
  node [
    id 72
    label "Natchez"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -91.40317
    Internal 1
    Latitude 31.56044
  ]
  node [
    id 73
    label "Franklin"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.86889
    Internal 1
    Latitude 35.92506
  ]
  node [
    id 74
    label "Columbia"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.03528
    Internal 1
    Latitude 35.61507
  ]
  node [
    id 75
    label "Collinwood"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.7378
    Internal 1
    Latitude 35.17425
  ]
  node [
    id 76
    label "Loretto"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.43974
    Internal 1
    Latitude 35.07786
  ]
  node [
    id 77
    label "Lewisburg"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.78889
    Internal 1
    Latitude 35.44924
  ]
  node [
    id 78
    label "Pulaski"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.03084
    Internal 1
    Latitude 35.1998
  ]
  node [
    id 79
    label "Lawrenceburg"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -87.33474
    Internal 1
    Latitude 35.2423
  ]
  node [
    id 80
    label "Oneonta"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.47276
    Internal 1
    Latitude 33.94815
  ]
  node [
    id 81
    label "Cullman"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.84361
    Internal 1
    Latitude 34.17482
  ]
  node [
    id 82
    label "Arkdelphia"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -93.05378
    Internal 1
    Latitude 34.12093
  ]
  node [
    id 83
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 84
    label "Ann Arbor"
    geocode_append "Michigan"
    Country "United States"
    Longitude -83.74088
    Internal 1
    Latitude 42.27756
  ]
  node [
    id 85
    label "Southfield/Detroit"
    geocode_append "Michigan"
    Country "United States"
    Longitude -83.2428
    Internal 1
    Latitude 42.4762
  ]
  node [
    id 86
    label "Florence"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.62661
    Internal 1
    Latitude 38.99895
  ]
  node [
    id 87
    label "Covington"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.50855
    Internal 1
    Latitude 39.08367
  ]
  node [
    id 88
    label "Saginaw"
    geocode_append "Michigan"
    Country "United States"
    Longitude -83.95081
    Internal 1
    Latitude 43.41947
  ]
  node [
    id 89
    label "Bay City"
    geocode_append "Michigan"
    Country "United States"
    Longitude -83.88886
    Internal 1
    Latitude 43.59447
  ]
  node [
    id 90
    label "Pontiac"
    geocode_append "Michigan"
    Country "United States"
    Longitude -83.29105
    Internal 1
    Latitude 42.63892
  ]
  node [
    id 91
    label "Flint"
    geocode_append "Michigan"
    Country "United States"
    Longitude -83.68746
    Internal 1
    Latitude 43.01253
  ]
  node [
    id 92
    label "Lebanon"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.20299
    Internal 1
    Latitude 39.43534
  ]
  node [
    id 93
    label "Hamilton"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.45689
    Internal 1
    Latitude 39.162
  ]
  node [
    id 94
    label "Midland"
    geocode_append "Michigan"
    Country "United States"
    Longitude -84.24721
    Internal 1
    Latitude 43.61558
  ]
  node [
    id 95
    label "Oxford"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.74523
    Internal 1
    Latitude 39.507
  ]
  node [
    id 96
    label "Batesville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.22218
    Internal 1
    Latitude 39.30005
  ]
  node [
    id 97
    label "Greensburg"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.48358
    Internal 1
    Latitude 39.33727
  ]
  node [
    id 98
    label "Cincinnati"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.45689
    Internal 1
    Latitude 39.162
  ]
  node [
    id 99
    label "Evendale"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.418
    Internal 1
    Latitude 39.25617
  ]
  node [
    id 100
    label "Mason City"
    Country "United States"
    Longitude -93.20104
    Internal 1
    Latitude 43.15357
  ]
  node [
    id 101
    label "Willmar"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -95.04334
    Internal 1
    Latitude 45.12191
  ]
  node [
    id 102
    label "New London"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -94.94418
    Internal 1
    Latitude 45.30108
  ]
  node [
    id 103
    label "Ames"
    Country "United States"
    Longitude -93.61994
    Internal 1
    Latitude 42.03471
  ]
  node [
    id 104
    label "Worthington"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -95.5964
    Internal 1
    Latitude 43.61996
  ]
  node [
    id 105
    label "Fairmont"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -94.46108
    Internal 1
    Latitude 43.65218
  ]
  node [
    id 106
    label "Albert Lea"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -93.36827
    Internal 1
    Latitude 43.64801
  ]
  node [
    id 107
    label "Austin"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -92.97464
    Internal 1
    Latitude 43.66663
  ]
  node [
    id 108
    label "Des Moines"
    Country "United States"
    Longitude -93.60911
    Internal 1
    Latitude 41.60054
  ]
  node [
    id 109
    label "Newton"
    Country "United States"
    Longitude -93.04798
    Internal 1
    Latitude 41.69971
  ]
  node [
    id 110
    label "Paxton"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.09532
    Internal 1
    Latitude 40.46031
  ]
  node [
    id 111
    label "Cambridge"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.58846
    Internal 1
    Latitude 40.03118
  ]
  node [
    id 112
    label "Crossville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -85.0269
    Internal 1
    Latitude 35.94896
  ]
  node [
    id 113
    label "Scotland Neck"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -77.42025
    Internal 1
    Latitude 36.1296
  ]
  node [
    id 114
    label "Windsor"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -76.94606
    Internal 1
    Latitude 35.99849
  ]
  node [
    id 115
    label "Ronoake Rapids"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -77.65415
    Internal 1
    Latitude 36.46154
  ]
  node [
    id 116
    label "Lees Summit"
    geocode_append "Missouri"
    Country "United States"
    Longitude -94.38217
    Internal 1
    Latitude 38.91084
  ]
  node [
    id 117
    label "Warrensburg"
    geocode_append "Missouri"
    Country "United States"
    Longitude -93.73605
    Internal 1
    Latitude 38.76279
  ]
  node [
    id 118
    label "Harrisonville"
    geocode_append "Missouri"
    Country "United States"
    Longitude -94.34884
    Internal 1
    Latitude 38.65334
  ]
  node [
    id 119
    label "Kansas City"
    geocode_append "Missouri"
    Country "United States"
    Longitude -94.57857
    Internal 1
    Latitude 39.09973
  ]
  node [
    id 120
    label "Columbia"
    geocode_append "Missouri"
    Country "United States"
    Longitude -92.33407
    Internal 1
    Latitude 38.95171
  ]
  node [
    id 121
    label "Jefferson City"
    geocode_append "Missouri"
    Country "United States"
    Longitude -92.17352
    Internal 1
    Latitude 38.5767
  ]
  node [
    id 122
    label "Jackson"
    geocode_append "Alabama"
    Country "United States"
    geocode_id "4069458"
    Internal 1
    Longitude -87.89444
    Latitude 31.50905
  ]
  node [
    id 123
    label "McIntosh"
    geocode_append "Alabama"
    Country "United States"
    Longitude -88.03139
    Internal 1
    Latitude 31.26628
  ]
  node [
    id 124
    label "Evergreen"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.95692
    Internal 1
    Latitude 31.4335
  ]
  node [
    id 125
    label "Thomasville"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.73584
    Internal 1
    Latitude 31.91349
  ]
  node [
    id 126
    label "Dothan"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.39049
    Internal 1
    Latitude 31.22323
  ]
  node [
    id 127
    label "Pine Apple"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.99109
    Internal 1
    Latitude 31.87265
  ]
  node [
    id 128
    label "Troy"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.96995
    Internal 1
    Latitude 31.80877
  ]
  node [
    id 129
    label "Enteprise"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.85522
    Internal 1
    Latitude 31.31517
  ]
  node [
    id 130
    label "Clanton"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.62943
    Internal 1
    Latitude 32.83874
  ]
  node [
    id 131
    label "Montgomery"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.29997
    Internal 1
    Latitude 32.36681
  ]
  node [
    id 132
    label "Lebanon"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -76.41135
    Internal 1
    Latitude 40.34093
  ]
  node [
    id 133
    label "Wilson"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -77.91554
    Internal 1
    Latitude 35.72127
  ]
  node [
    id 134
    label "Wilmington"
    Country "United States"
    Longitude -75.54659
    Internal 1
    Latitude 39.74595
  ]
  node [
    id 135
    label "Rocky Mt"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -77.79053
    Internal 1
    Latitude 35.93821
  ]
  node [
    id 136
    label "Elktor"
    Country "United States"
    Longitude -75.83327
    Internal 1
    Latitude 39.60678
  ]
  node [
    id 137
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 138
    label "Line Lexington"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -75.26101
    Internal 1
    Latitude 40.28927
  ]
  node [
    id 139
    label "Philadelphia"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -75.16379
    Internal 1
    Latitude 39.95234
  ]
  node [
    id 140
    label "Beaumont"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.10185
    Internal 1
    Latitude 30.08605
  ]
  node [
    id 141
    label "Pascagoula"
    Country "United States"
    Longitude -88.55613
    Internal 1
    Latitude 30.36576
  ]
  node [
    id 142
    label "Biloxi"
    Country "United States"
    Longitude -88.88531
    Internal 1
    Latitude 30.39603
  ]
  node [
    id 143
    label "Childersburg"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.35498
    Internal 1
    Latitude 33.27817
  ]
  node [
    id 144
    label "Gadsden"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.00664
    Internal 1
    Latitude 34.01426
  ]
  node [
    id 145
    label "Aurora"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.32007
    Internal 1
    Latitude 41.76058
  ]
  node [
    id 146
    label "Mt Carmel"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.76142
    Internal 1
    Latitude 38.41088
  ]
  node [
    id 147
    label "Belleville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.98399
    Internal 1
    Latitude 38.52005
  ]
  node [
    id 148
    label "Monticello"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -91.79096
    Internal 1
    Latitude 33.629
  ]
  node [
    id 149
    label "Reedburg"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -90.00263
    Internal 1
    Latitude 43.53248
  ]
  node [
    id 150
    label "Red Wing"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -92.5338
    Internal 1
    Latitude 44.56247
  ]
  node [
    id 151
    label "Wytheville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -81.08481
    Internal 1
    Latitude 36.94845
  ]
  node [
    id 152
    label "Christiansburg"
    geocode_append "Virginia"
    Country "United States"
    Longitude -80.40894
    Internal 1
    Latitude 37.12985
  ]
  node [
    id 153
    label "Roanoke"
    geocode_append "Virginia"
    Country "United States"
    Longitude -79.94143
    Internal 1
    Latitude 37.27097
  ]
  node [
    id 154
    label "Glen Lyn"
    Country "United States"
    Longitude -80.86425
    Internal 1
    Latitude 37.36818
  ]
  node [
    id 155
    label "Clarksville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.55694
    Internal 1
    Latitude 36.62403
  ]
  node [
    id 156
    label "South Boston"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.9014
    Internal 1
    Latitude 36.69875
  ]
  node [
    id 157
    label "Danville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -79.39502
    Internal 1
    Latitude 36.58597
  ]
  node [
    id 158
    label "Martinsville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -79.87254
    Internal 1
    Latitude 36.69153
  ]
  node [
    id 159
    label "Farmville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.39194
    Internal 1
    Latitude 37.3021
  ]
  node [
    id 160
    label "Keysville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.48333
    Internal 1
    Latitude 37.04043
  ]
  node [
    id 161
    label "Owensburg"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.72972
    Internal 1
    Latitude 38.9231
  ]
  node [
    id 162
    label "Bloomington"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.52639
    Internal 1
    Latitude 39.16532
  ]
  node [
    id 163
    label "Norris City"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.32921
    Internal 1
    Latitude 37.98116
  ]
  node [
    id 164
    label "Princeton"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.56752
    Internal 1
    Latitude 38.35532
  ]
  node [
    id 165
    label "Oakland City"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.34501
    Internal 1
    Latitude 38.33866
  ]
  node [
    id 166
    label "Petersburg"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.27862
    Internal 1
    Latitude 38.49199
  ]
  node [
    id 167
    label "Washington"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.17279
    Internal 1
    Latitude 38.65922
  ]
  node [
    id 168
    label "Vincennes"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.52863
    Internal 1
    Latitude 38.67727
  ]
  node [
    id 169
    label "Lawrenceville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.68169
    Internal 1
    Latitude 38.72921
  ]
  node [
    id 170
    label "Crane"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.90389
    Internal 1
    Latitude 38.89116
  ]
  node [
    id 171
    label "Bowling Green"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.65132
    Internal 1
    Latitude 41.37477
  ]
  node [
    id 172
    label "Fayette"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.32689
    Internal 1
    Latitude 41.67338
  ]
  node [
    id 173
    label "Lima"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.10523
    Internal 1
    Latitude 40.74255
  ]
  node [
    id 174
    label "Findlay"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.64993
    Internal 1
    Latitude 41.04422
  ]
  node [
    id 175
    label "Auburn"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.05886
    Internal 1
    Latitude 41.36699
  ]
  node [
    id 176
    label "Decatur"
    geocode_append "Indiana"
    Country "United States"
    Longitude -84.92913
    Internal 1
    Latitude 40.8306
  ]
  node [
    id 177
    label "Niles"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.25418
    Internal 1
    Latitude 41.82977
  ]
  node [
    id 178
    label "Benton Harbor"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.45419
    Internal 1
    Latitude 42.11671
  ]
  node [
    id 179
    label "Williamson"
    Country "United States"
    Longitude -82.27736
    Internal 1
    Latitude 37.67427
  ]
  node [
    id 180
    label "Logan"
    Country "United States"
    Longitude -81.99346
    Internal 1
    Latitude 37.84871
  ]
  node [
    id 181
    label "Madison"
    Country "United States"
    Longitude -81.81929
    Internal 1
    Latitude 38.06705
  ]
  node [
    id 182
    label "Charleston"
    Country "United States"
    Longitude -81.63262
    Internal 1
    Latitude 38.34982
  ]
  node [
    id 183
    label "Huntington"
    Country "United States"
    Longitude -82.44515
    Internal 1
    Latitude 38.41925
  ]
  node [
    id 184
    label "Ashland"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -82.63794
    Internal 1
    Latitude 38.47841
  ]
  node [
    id 185
    label "Maysville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.74436
    Internal 1
    Latitude 38.64119
  ]
  node [
    id 186
    label "Morehead"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.43268
    Internal 1
    Latitude 38.18397
  ]
  node [
    id 187
    label "Fond Du Lac"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.43883
    Internal 1
    Latitude 43.775
  ]
  node [
    id 188
    label "Oshkosh"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.54261
    Internal 1
    Latitude 44.02471
  ]
  node [
    id 189
    label "Harrisburg"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -76.88442
    Internal 1
    Latitude 40.2737
  ]
  node [
    id 190
    label "Newport"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -77.13054
    Internal 1
    Latitude 40.47786
  ]
  node [
    id 191
    label "Lewistown"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -77.57138
    Internal 1
    Latitude 40.59924
  ]
  node [
    id 192
    label "Mount Union"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -77.88222
    Internal 1
    Latitude 40.38452
  ]
  node [
    id 193
    label "Neenah"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.46261
    Internal 1
    Latitude 44.18582
  ]
  node [
    id 194
    label "Clymer"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -79.0117
    Internal 1
    Latitude 40.66812
  ]
  node [
    id 195
    label "South Bend"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.25001
    Internal 1
    Latitude 41.68338
  ]
  node [
    id 196
    label "Elkhart"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.97667
    Internal 1
    Latitude 41.68199
  ]
  node [
    id 197
    label "Pittsburgh"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -79.99589
    Internal 1
    Latitude 40.44062
  ]
  node [
    id 198
    label "Mishiwaka"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.15862
    Internal 1
    Latitude 41.66199
  ]
  node [
    id 199
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 200
    label "Martinsville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.42833
    Internal 1
    Latitude 39.42783
  ]
  node [
    id 201
    label "Shelbyville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.77692
    Internal 1
    Latitude 39.52144
  ]
  node [
    id 202
    label "Greenwood"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.10665
    Internal 1
    Latitude 39.61366
  ]
  node [
    id 203
    label "Franklin"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.05499
    Internal 1
    Latitude 39.48061
  ]
  node [
    id 204
    label "Anderson"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.68025
    Internal 1
    Latitude 40.10532
  ]
  node [
    id 205
    label "Muncie"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.38636
    Internal 1
    Latitude 40.19338
  ]
  node [
    id 206
    label "Rushville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.44636
    Internal 1
    Latitude 39.60921
  ]
  node [
    id 207
    label "New Castle"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.37025
    Internal 1
    Latitude 39.92894
  ]
  node [
    id 208
    label "Connersville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.14107
    Internal 1
    Latitude 39.64116
  ]
  node [
    id 209
    label "Richmond"
    geocode_append "Indiana"
    Country "United States"
    Longitude -84.89024
    Internal 1
    Latitude 39.82894
  ]
  node [
    id 210
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 211
    label "Sterling"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.69622
    Internal 1
    Latitude 41.78864
  ]
  node [
    id 212
    label "Georgetown"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.67723
    Internal 1
    Latitude 30.63269
  ]
  node [
    id 213
    label "Temple"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.34278
    Internal 1
    Latitude 31.09823
  ]
  node [
    id 214
    label "Dubuque"
    Country "United States"
    Longitude -90.66457
    Internal 1
    Latitude 42.50056
  ]
  node [
    id 215
    label "Mineola"
    geocode_append "Texas"
    Country "United States"
    Longitude -95.48829
    Internal 1
    Latitude 32.66319
  ]
  node [
    id 216
    label "Terrell"
    geocode_append "Texas"
    Country "United States"
    Longitude -96.27526
    Internal 1
    Latitude 32.73596
  ]
  node [
    id 217
    label "Texarkana"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.04769
    Internal 1
    Latitude 33.42512
  ]
  node [
    id 218
    label "Atlanta"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.16435
    Internal 1
    Latitude 33.11374
  ]
  node [
    id 219
    label "Fort Worth"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.32085
    Internal 1
    Latitude 32.72541
  ]
  node [
    id 220
    label "Denton"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.13307
    Internal 1
    Latitude 33.21484
  ]
  node [
    id 221
    label "Waco"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.14667
    Internal 1
    Latitude 31.54933
  ]
  node [
    id 222
    label "Waxahachie"
    geocode_append "Texas"
    Country "United States"
    Longitude -96.84833
    Internal 1
    Latitude 32.38653
  ]
  node [
    id 223
    label "Paris"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -88.32671
    Internal 1
    Latitude 36.302
  ]
  node [
    id 224
    label "Murray"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -88.31476
    Internal 1
    Latitude 36.61033
  ]
  node [
    id 225
    label "Milan"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -88.75895
    Internal 1
    Latitude 35.91979
  ]
  node [
    id 226
    label "Martin"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -88.85034
    Internal 1
    Latitude 36.3434
  ]
  node [
    id 227
    label "Dyersburg"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -89.38563
    Internal 1
    Latitude 36.03452
  ]
  node [
    id 228
    label "Jackson"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -88.81395
    Internal 1
    Latitude 35.61452
  ]
  node [
    id 229
    label "Metropolis"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.732
    Internal 1
    Latitude 37.15117
  ]
  node [
    id 230
    label "Paducah"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -88.60005
    Internal 1
    Latitude 37.08339
  ]
  node [
    id 231
    label "Union City"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -89.05701
    Internal 1
    Latitude 36.42423
  ]
  node [
    id 232
    label "Cairo"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.17646
    Internal 1
    Latitude 37.00533
  ]
  node [
    id 233
    label "Memphis"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -90.04898
    Internal 1
    Latitude 35.14953
  ]
  node [
    id 234
    label "Covington"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -89.64647
    Internal 1
    Latitude 35.56425
  ]
  node [
    id 235
    label "Kankakee"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.86115
    Internal 1
    Latitude 41.12003
  ]
  node [
    id 236
    label "La Salle"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.09175
    Internal 1
    Latitude 41.33337
  ]
  node [
    id 237
    label "Union"
    geocode_append "Missouri"
    Country "United States"
    Longitude -91.00848
    Internal 1
    Latitude 38.45005
  ]
  node [
    id 238
    label "St Louis"
    geocode_append "Missouri"
    Country "United States"
    Longitude -90.19789
    Internal 1
    Latitude 38.62727
  ]
  node [
    id 239
    label "Joliet"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.08173
    Internal 1
    Latitude 41.52503
  ]
  node [
    id 240
    label "Gary?"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.34643
    Internal 1
    Latitude 41.59337
  ]
  node [
    id 241
    label "De Kalb"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.75036
    Internal 1
    Latitude 41.92947
  ]
  node [
    id 242
    label "Oak Brook"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.92895
    Internal 1
    Latitude 41.83281
  ]
  node [
    id 243
    label "Gary?"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.34643
    Internal 1
    Latitude 41.59337
  ]
  node [
    id 244
    label "Valparaiso"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.06114
    Internal 1
    Latitude 41.47309
  ]
  node [
    id 245
    label "Joplin"
    geocode_append "Missouri"
    Country "United States"
    Longitude -94.51328
    Internal 1
    Latitude 37.08423
  ]
  node [
    id 246
    label "Michigan City"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.89503
    Internal 1
    Latitude 41.70754
  ]
  node [
    id 247
    label "Plainfield"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.39944
    Internal 1
    Latitude 39.70421
  ]
  node [
    id 248
    label "Canton"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.37845
    Internal 1
    Latitude 40.79895
  ]
  node [
    id 249
    label "Glasgow"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.91192
    Internal 1
    Latitude 36.99588
  ]
  node [
    id 250
    label "Bowling Green"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -86.4436
    Internal 1
    Latitude 36.99032
  ]
  node [
    id 251
    label "Harlan"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.32185
    Internal 1
    Latitude 36.84314
  ]
  node [
    id 252
    label "Pineville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.69492
    Internal 1
    Latitude 36.76203
  ]
  node [
    id 253
    label "Franklin"
    geocode_append "Kentucky"
    Country "United States"
    geocode_id "4292193"
    Internal 1
    Longitude -86.57722
    Latitude 36.72226
  ]
  node [
    id 254
    label "Middlesboro"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.71658
    Internal 1
    Latitude 36.60842
  ]
  node [
    id 255
    label "London"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.08326
    Internal 1
    Latitude 37.12898
  ]
  node [
    id 256
    label "Corbin"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.09688
    Internal 1
    Latitude 36.9487
  ]
  node [
    id 257
    label "Williamsburg"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.15966
    Internal 1
    Latitude 36.74342
  ]
  node [
    id 258
    label "Somerset"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.60411
    Internal 1
    Latitude 37.09202
  ]
  node [
    id 259
    label "Madison"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.37996
    Internal 1
    Latitude 38.73589
  ]
  node [
    id 260
    label "Baraboo"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.74429
    Internal 1
    Latitude 43.47109
  ]
  node [
    id 261
    label "Wisconsin Dells"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.77096
    Internal 1
    Latitude 43.62748
  ]
  node [
    id 262
    label "Bluefield"
    Country "United States"
    Longitude -81.22232
    Internal 1
    Latitude 37.26984
  ]
  node [
    id 263
    label "Rich Square"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -77.28441
    Internal 1
    Latitude 36.27404
  ]
  node [
    id 264
    label "Durham"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -78.89862
    Internal 1
    Latitude 35.99403
  ]
  node [
    id 265
    label "Raleigh"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -78.63861
    Internal 1
    Latitude 35.7721
  ]
  node [
    id 266
    label "Murfreesboro"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.39027
    Internal 1
    Latitude 35.84562
  ]
  node [
    id 267
    label "Benton"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.92007
    Internal 1
    Latitude 37.99672
  ]
  node [
    id 268
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 269
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 270
    label "Greensboro"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -79.79198
    Internal 1
    Latitude 36.07264
  ]
  node [
    id 271
    label "Burlington"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -79.4378
    Internal 1
    Latitude 36.09569
  ]
  node [
    id 272
    label "Rhinelander"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.41208
    Internal 1
    Latitude 45.63662
  ]
  node [
    id 273
    label "Paris"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.69614
    Internal 1
    Latitude 39.61115
  ]
  node [
    id 274
    label "Florence"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.67725
    Internal 1
    Latitude 34.79981
  ]
  node [
    id 275
    label "Russellville"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.72864
    Internal 1
    Latitude 34.50787
  ]
  node [
    id 276
    label "Guntersville"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.2947
    Internal 1
    Latitude 34.35815
  ]
  node [
    id 277
    label "Albertville"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.20887
    Internal 1
    Latitude 34.26759
  ]
  node [
    id 278
    label "Cleveland"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -84.87661
    Internal 1
    Latitude 35.15952
  ]
  node [
    id 279
    label "Athens"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -84.59299
    Internal 1
    Latitude 35.44285
  ]
  node [
    id 280
    label "Rogersville"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.29474
    Internal 1
    Latitude 34.82564
  ]
  node [
    id 281
    label "Killen"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.53753
    Internal 1
    Latitude 34.86286
  ]
  node [
    id 282
    label "Huntsville"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.5861
    Internal 1
    Latitude 34.73037
  ]
  node [
    id 283
    label "Athens"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.97167
    Internal 1
    Latitude 34.80287
  ]
  node [
    id 284
    label "Burnsville"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -93.27772
    Internal 1
    Latitude 44.76774
  ]
  node [
    id 285
    label "Buchanan"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.36112
    Internal 1
    Latitude 41.82727
  ]
  node [
    id 286
    label "Jackson"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.38351
    Internal 1
    Latitude 37.55315
  ]
  node [
    id 287
    label "Paintsville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -82.80711
    Internal 1
    Latitude 37.81454
  ]
  node [
    id 288
    label "Berea"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.29632
    Internal 1
    Latitude 37.56869
  ]
  node [
    id 289
    label "Stanton"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.85825
    Internal 1
    Latitude 37.84564
  ]
  node [
    id 290
    label "Danville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.77217
    Internal 1
    Latitude 37.64563
  ]
  node [
    id 291
    label "Salvisa"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.85773
    Internal 1
    Latitude 37.91674
  ]
  node [
    id 292
    label "Mt Sterling"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.94326
    Internal 1
    Latitude 38.05647
  ]
  node [
    id 293
    label "Richmond"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.29465
    Internal 1
    Latitude 37.74786
  ]
  node [
    id 294
    label "Prestonburg"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -82.77155
    Internal 1
    Latitude 37.66565
  ]
  node [
    id 295
    label "Louisa"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -82.60321
    Internal 1
    Latitude 38.11425
  ]
  node [
    id 296
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 297
    label "Piggott"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.19065
    Internal 1
    Latitude 36.38284
  ]
  node [
    id 298
    label "Paragould"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.49733
    Internal 1
    Latitude 36.0584
  ]
  node [
    id 299
    label "Folkston"
    geocode_append "Georgia"
    Country "United States"
    Longitude -82.00984
    Internal 1
    Latitude 30.83051
  ]
  node [
    id 300
    label "Mount Pleasant"
    geocode_append "Michigan"
    Country "United States"
    Longitude -84.76751
    Internal 1
    Latitude 43.59781
  ]
  node [
    id 301
    label "Newaygo"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.80005
    Internal 1
    Latitude 43.41974
  ]
  node [
    id 302
    label "Jonesboro"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.70428
    Internal 1
    Latitude 35.8423
  ]
  node [
    id 303
    label "Big Rapids"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.48366
    Internal 1
    Latitude 43.69808
  ]
  node [
    id 304
    label "Grayling"
    geocode_append "Michigan"
    Country "United States"
    Longitude -84.71475
    Internal 1
    Latitude 44.6614
  ]
  node [
    id 305
    label "Cadillac"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.40116
    Internal 1
    Latitude 44.25195
  ]
  node [
    id 306
    label "Ludington"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.45258
    Internal 1
    Latitude 43.95528
  ]
  node [
    id 307
    label "Manistee"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.32425
    Internal 1
    Latitude 44.24445
  ]
  node [
    id 308
    label "Sturtevant"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -87.89452
    Internal 1
    Latitude 42.69807
  ]
  node [
    id 309
    label "Beloit"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.03178
    Internal 1
    Latitude 42.50835
  ]
  node [
    id 310
    label "Stevens Point"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.57456
    Internal 1
    Latitude 44.52358
  ]
  node [
    id 311
    label "Wausau"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.63012
    Internal 1
    Latitude 44.95914
  ]
  node [
    id 312
    label "Sun Prarie"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.21373
    Internal 1
    Latitude 43.1836
  ]
  node [
    id 313
    label "Marshfield"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -90.1718
    Internal 1
    Latitude 44.66885
  ]
  node [
    id 314
    label "Afton"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.07122
    Internal 1
    Latitude 42.6039
  ]
  node [
    id 315
    label "Madison"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.40123
    Internal 1
    Latitude 43.07305
  ]
  node [
    id 316
    label "Janesville"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.01872
    Internal 1
    Latitude 42.68279
  ]
  node [
    id 317
    label "Jefferson"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.80733
    Internal 1
    Latitude 43.00556
  ]
  node [
    id 318
    label "Ravenswood"
    Country "United States"
    Longitude -81.76096
    Internal 1
    Latitude 38.94814
  ]
  node [
    id 319
    label "Beckley"
    Country "United States"
    Longitude -81.18816
    Internal 1
    Latitude 37.77817
  ]
  node [
    id 320
    label "Decatur"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.9548
    Internal 1
    Latitude 39.84031
  ]
  node [
    id 321
    label "Platteville"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -90.47846
    Internal 1
    Latitude 42.73416
  ]
  node [
    id 322
    label "Covington"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -90.10091
    Internal 1
    Latitude 30.47547
  ]
  node [
    id 323
    label "Slidell"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -89.78117
    Internal 1
    Latitude 30.27519
  ]
  node [
    id 324
    label "Lufkin"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.7291
    Internal 1
    Latitude 31.33824
  ]
  node [
    id 325
    label "Nacagdoches"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.65549
    Internal 1
    Latitude 31.60351
  ]
  node [
    id 326
    label "Jacksonville"
    geocode_append "Texas"
    Country "United States"
    Longitude -95.2705
    Internal 1
    Latitude 31.96378
  ]
  node [
    id 327
    label "Tyler"
    geocode_append "Texas"
    Country "United States"
    Longitude -95.30106
    Internal 1
    Latitude 32.35126
  ]
  node [
    id 328
    label "Longview"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.74049
    Internal 1
    Latitude 32.5007
  ]
  node [
    id 329
    label "Marshall"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.36742
    Internal 1
    Latitude 32.54487
  ]
  node [
    id 330
    label "Bay Minette"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.77305
    Internal 1
    Latitude 30.88296
  ]
  node [
    id 331
    label "Citronelle"
    geocode_append "Alabama"
    Country "United States"
    Longitude -88.22806
    Internal 1
    Latitude 31.09073
  ]
  node [
    id 332
    label "Crestview"
    geocode_append "Florida"
    Country "United States"
    Longitude -86.57051
    Internal 1
    Latitude 30.76213
  ]
  node [
    id 333
    label "Mobile"
    geocode_append "Alabama"
    Country "United States"
    Longitude -88.04305
    Internal 1
    Latitude 30.69436
  ]
  node [
    id 334
    label "Panama City"
    geocode_append "Florida"
    Country "United States"
    Longitude -85.65983
    Internal 1
    Latitude 30.15946
  ]
  node [
    id 335
    label "De Funiak Springs"
    geocode_append "Florida"
    Country "United States"
    Longitude -86.11522
    Internal 1
    Latitude 30.72102
  ]
  node [
    id 336
    label "Gulfport"
    Country "United States"
    Longitude -89.09282
    Internal 1
    Latitude 30.36742
  ]
  node [
    id 337
    label "Marianna"
    geocode_append "Florida"
    Country "United States"
    Longitude -85.22687
    Internal 1
    Latitude 30.77436
  ]
  node [
    id 338
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 339
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 340
    label "Kilmarnock"
    geocode_append "Virginia"
    Country "United States"
    Longitude -76.37967
    Internal 1
    Latitude 37.71041
  ]
  node [
    id 341
    label "Hope"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -93.59157
    Internal 1
    Latitude 33.66706
  ]
  node [
    id 342
    label "Portage"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.57456
    Internal 1
    Latitude 44.52358
  ]
  node [
    id 343
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 344
    label "Beaver Dam"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.83733
    Internal 1
    Latitude 43.45777
  ]
  node [
    id 345
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 346
    label "Altoona"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -78.39474
    Internal 1
    Latitude 40.51868
  ]
  node [
    id 347
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 348
    label "Appleton"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.41538
    Internal 1
    Latitude 44.26193
  ]
  node [
    id 349
    label "Philadelphia"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.11673
    Internal 1
    Latitude 32.77152
  ]
  node [
    id 350
    label "Emporia"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.54248
    Internal 1
    Latitude 36.68598
  ]
  node [
    id 351
    label "Lebanon"
    geocode_append "Virginia"
    Country "United States"
    Longitude -82.08013
    Internal 1
    Latitude 36.90094
  ]
  node [
    id 352
    label "Richlands"
    geocode_append "Virginia"
    Country "United States"
    Longitude -81.79373
    Internal 1
    Latitude 37.09317
  ]
  node [
    id 353
    label "Morganton"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -81.68482
    Internal 1
    Latitude 35.74541
  ]
  node [
    id 354
    label "Abingdon"
    geocode_append "Virginia"
    Country "United States"
    Longitude -81.97735
    Internal 1
    Latitude 36.70983
  ]
  node [
    id 355
    label "Boone"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -81.67455
    Internal 1
    Latitude 36.2168
  ]
  node [
    id 356
    label "Lenoir"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -81.53898
    Internal 1
    Latitude 35.91402
  ]
  node [
    id 357
    label "Kingsport"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -82.56182
    Internal 1
    Latitude 36.54843
  ]
  node [
    id 358
    label "Bristol"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -82.18874
    Internal 1
    Latitude 36.59511
  ]
  node [
    id 359
    label "Greenville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -82.83099
    Internal 1
    Latitude 36.16316
  ]
  node [
    id 360
    label "Johnson City"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -82.35347
    Internal 1
    Latitude 36.31344
  ]
  node [
    id 361
    label "Eldorado"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.4381
    Internal 1
    Latitude 37.81366
  ]
  node [
    id 362
    label "Harrisburg"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.54061
    Internal 1
    Latitude 37.73838
  ]
  node [
    id 363
    label "Menomonee"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.11731
    Internal 1
    Latitude 43.1789
  ]
  node [
    id 364
    label "Chester"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.82205
    Internal 1
    Latitude 37.91366
  ]
  node [
    id 365
    label "Marissa"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.7501
    Internal 1
    Latitude 38.25005
  ]
  node [
    id 366
    label "Sparta"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.70177
    Internal 1
    Latitude 38.12311
  ]
  node [
    id 367
    label "Washington"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -80.24617
    Internal 1
    Latitude 40.17396
  ]
  node [
    id 368
    label "West Frankfort"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.93146
    Internal 1
    Latitude 37.89783
  ]
  node [
    id 369
    label "Marion"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.93313
    Internal 1
    Latitude 37.73061
  ]
  node [
    id 370
    label "Carbondale"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.21675
    Internal 1
    Latitude 37.72727
  ]
  node [
    id 371
    label "Murphysboro"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.33509
    Internal 1
    Latitude 37.7645
  ]
  node [
    id 372
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 373
    label "Port Clinton"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.93769
    Internal 1
    Latitude 41.512
  ]
  node [
    id 374
    label "Fremont"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.12186
    Internal 1
    Latitude 41.35033
  ]
  node [
    id 375
    label "Norwalk"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.61573
    Internal 1
    Latitude 41.24255
  ]
  node [
    id 376
    label "Sandusky"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.70796
    Internal 1
    Latitude 41.44894
  ]
  node [
    id 377
    label "Berea"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.8543
    Internal 1
    Latitude 41.36616
  ]
  node [
    id 378
    label "Vermilion"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.36461
    Internal 1
    Latitude 41.42199
  ]
  node [
    id 379
    label "Crestline"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.73657
    Internal 1
    Latitude 40.78756
  ]
  node [
    id 380
    label "New London"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.39989
    Internal 1
    Latitude 41.08505
  ]
  node [
    id 381
    label "Wooster"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.93514
    Internal 1
    Latitude 40.80506
  ]
  node [
    id 382
    label "Mansfield"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.51545
    Internal 1
    Latitude 40.75839
  ]
  node [
    id 383
    label "LaGrange"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.41665
    Internal 1
    Latitude 41.64172
  ]
  node [
    id 384
    label "Goshen"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.83444
    Internal 1
    Latitude 41.58227
  ]
  node [
    id 385
    label "Baltimore"
    geocode_append "Maryland"
    Country "United States"
    Longitude -76.61219
    Internal 1
    Latitude 39.29038
  ]
  node [
    id 386
    label "Hagerstown"
    geocode_append "Maryland"
    Country "United States"
    Longitude -77.71999
    Internal 1
    Latitude 39.64176
  ]
  node [
    id 387
    label "Reading"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -75.92687
    Internal 1
    Latitude 40.33565
  ]
  node [
    id 388
    label "Pottstown"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -75.64963
    Internal 1
    Latitude 40.24537
  ]
  node [
    id 389
    label "Chambersburg"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -77.6611
    Internal 1
    Latitude 39.93759
  ]
  node [
    id 390
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 391
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 392
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 393
    label "Kendalville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.26498
    Internal 1
    Latitude 41.44144
  ]
  node [
    id 394
    label "Angola"
    geocode_append "Indiana"
    Country "United States"
    Longitude -84.99941
    Internal 1
    Latitude 41.63477
  ]
  node [
    id 395
    label "Bainbride"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.57547
    Internal 1
    Latitude 30.9038
  ]
  node [
    id 396
    label "Tallahassee"
    geocode_append "Florida"
    Country "United States"
    Longitude -84.28073
    Internal 1
    Latitude 30.43826
  ]
  node [
    id 397
    label "Bastrop"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -91.87235
    Internal 1
    Latitude 32.75625
  ]
  node [
    id 398
    label "Hamburg"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -91.79763
    Internal 1
    Latitude 33.22818
  ]
  node [
    id 399
    label "Tallulah"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -91.18678
    Internal 1
    Latitude 32.40848
  ]
  node [
    id 400
    label "Vicksburg"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.87788
    Internal 1
    Latitude 32.35265
  ]
  node [
    id 401
    label "Russellville"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -93.13379
    Internal 1
    Latitude 35.27842
  ]
  node [
    id 402
    label "Clarksville"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -93.46657
    Internal 1
    Latitude 35.47147
  ]
  node [
    id 403
    label "Cleveland"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.69541
    Internal 1
    Latitude 41.4995
  ]
  node [
    id 404
    label "Eastlake"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.45039
    Internal 1
    Latitude 41.65394
  ]
  node [
    id 405
    label "Warren"
    geocode_append "Ohio"
    Country "United States"
    Longitude -80.81842
    Internal 1
    Latitude 41.23756
  ]
  node [
    id 406
    label "Youngstown"
    geocode_append "Ohio"
    Country "United States"
    Longitude -80.64952
    Internal 1
    Latitude 41.09978
  ]
  node [
    id 407
    label "Massilon"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.52151
    Internal 1
    Latitude 40.79672
  ]
  node [
    id 408
    label "Indianapolis"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.15804
    Internal 1
    Latitude 39.76838
  ]
  node [
    id 409
    label "Akron"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.51901
    Internal 1
    Latitude 41.08144
  ]
  node [
    id 410
    label "Savannah"
    geocode_append "Georgia"
    Country "United States"
    Longitude -81.09983
    Internal 1
    Latitude 32.08354
  ]
  node [
    id 411
    label "Frankfort"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.51084
    Internal 1
    Latitude 40.27948
  ]
  node [
    id 412
    label "Lebanon"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.46917
    Internal 1
    Latitude 40.04837
  ]
  node [
    id 413
    label "Nobleville?"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.0086
    Internal 1
    Latitude 40.04559
  ]
  node [
    id 414
    label "Decatur"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.98334
    Internal 1
    Latitude 34.60593
  ]
  node [
    id 415
    label "New Castle"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -80.34701
    Internal 1
    Latitude 41.00367
  ]
  node [
    id 416
    label "Ashtabula"
    geocode_append "Ohio"
    Country "United States"
    Longitude -80.78981
    Internal 1
    Latitude 41.86505
  ]
  node [
    id 417
    label "Greencastle"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.86473
    Internal 1
    Latitude 39.64449
  ]
  node [
    id 418
    label "Brazil"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.12502
    Internal 1
    Latitude 39.52365
  ]
  node [
    id 419
    label "Spooner"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -91.88934
    Internal 1
    Latitude 45.82245
  ]
  node [
    id 420
    label "Rice Lake"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -91.73823
    Internal 1
    Latitude 45.50607
  ]
  node [
    id 421
    label "Superior"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -92.10408
    Internal 1
    Latitude 46.72077
  ]
  node [
    id 422
    label "Hayward"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -91.48462
    Internal 1
    Latitude 46.01301
  ]
  node [
    id 423
    label "Boyceville"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -92.04101
    Internal 1
    Latitude 45.04357
  ]
  node [
    id 424
    label "Hudson"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -92.75687
    Internal 1
    Latitude 44.97469
  ]
  node [
    id 425
    label "Chippenwa Falls"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -91.39293
    Internal 1
    Latitude 44.93691
  ]
  node [
    id 426
    label "Eau Claire"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -91.49849
    Internal 1
    Latitude 44.81135
  ]
  node [
    id 427
    label "St Paul"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -93.09327
    Internal 1
    Latitude 44.94441
  ]
  node [
    id 428
    label "Minneapolis"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -93.26384
    Internal 1
    Latitude 44.97997
  ]
  node [
    id 429
    label "Hammond"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -90.4612
    Internal 1
    Latitude 30.50436
  ]
  node [
    id 430
    label "New Orleans"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -90.07507
    Internal 1
    Latitude 29.95465
  ]
  node [
    id 431
    label "Kentwood"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -90.50898
    Internal 1
    Latitude 30.93824
  ]
  node [
    id 432
    label "McComb"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.45315
    Internal 1
    Latitude 31.24379
  ]
  node [
    id 433
    label "Brookhaven"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.44065
    Internal 1
    Latitude 31.57906
  ]
  node [
    id 434
    label "Jackson"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.18481
    Internal 1
    Latitude 32.29876
  ]
  node [
    id 435
    label "Crystal Springs"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.35704
    Internal 1
    Latitude 31.98738
  ]
  node [
    id 436
    label "Laurel"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.13061
    Internal 1
    Latitude 31.69405
  ]
  node [
    id 437
    label "Hattiesburg"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.29034
    Internal 1
    Latitude 31.32712
  ]
  node [
    id 438
    label "Forest"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.47423
    Internal 1
    Latitude 32.36459
  ]
  node [
    id 439
    label "River Falls"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -92.62381
    Internal 1
    Latitude 44.86136
  ]
  node [
    id 440
    label "Fort Smith"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -94.39855
    Internal 1
    Latitude 35.38592
  ]
  node [
    id 441
    label "Springdale"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -94.12881
    Internal 1
    Latitude 36.18674
  ]
  node [
    id 442
    label "Fayetteville"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -94.15743
    Internal 1
    Latitude 36.06258
  ]
  node [
    id 443
    label "Muskogee"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -95.36969
    Internal 1
    Latitude 35.74788
  ]
  node [
    id 444
    label "Tulsa"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -95.99278
    Internal 1
    Latitude 36.15398
  ]
  node [
    id 445
    label "Chandler"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -96.88086
    Internal 1
    Latitude 35.70173
  ]
  node [
    id 446
    label "Oklahoma City"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -97.51643
    Internal 1
    Latitude 35.46756
  ]
  node [
    id 447
    label "Norman"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -97.43948
    Internal 1
    Latitude 35.22257
  ]
  node [
    id 448
    label "Chickasha"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -97.93643
    Internal 1
    Latitude 35.05256
  ]
  node [
    id 449
    label "Lawton"
    geocode_append "Oklahoma"
    Country "United States"
    Longitude -98.39033
    Internal 1
    Latitude 34.60869
  ]
  node [
    id 450
    label "Vonore"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -84.24186
    Internal 1
    Latitude 35.59008
  ]
  node [
    id 451
    label "Oak Ridge"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -84.26964
    Internal 1
    Latitude 36.01036
  ]
  node [
    id 452
    label "Maryville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -83.97046
    Internal 1
    Latitude 35.75647
  ]
  node [
    id 453
    label "Sweetwater"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -84.46104
    Internal 1
    Latitude 35.60146
  ]
  node [
    id 454
    label "Jefferson City"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -83.4924
    Internal 1
    Latitude 36.12231
  ]
  node [
    id 455
    label "Knoxville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -83.92074
    Internal 1
    Latitude 35.96064
  ]
  node [
    id 456
    label "Bremen"
    geocode_append "Georgia"
    Country "United States"
    Longitude -85.1455
    Internal 1
    Latitude 33.72122
  ]
  node [
    id 457
    label "Newport"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -83.18766
    Internal 1
    Latitude 35.96704
  ]
  node [
    id 458
    label "La Crosee"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -91.23958
    Internal 1
    Latitude 43.80136
  ]
  node [
    id 459
    label "Morristown"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -83.29489
    Internal 1
    Latitude 36.21398
  ]
  node [
    id 460
    label "Anniston"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.83163
    Internal 1
    Latitude 33.65983
  ]
  node [
    id 461
    label "Alexander City"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.95385
    Internal 1
    Latitude 32.94401
  ]
  node [
    id 462
    label "La Fayette"
    geocode_append "Georgia"
    Country "United States"
    Longitude -85.2819
    Internal 1
    Latitude 34.7048
  ]
  node [
    id 463
    label "Talledega"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.1058
    Internal 1
    Latitude 33.43594
  ]
  node [
    id 464
    label "Eufaula"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.14549
    Internal 1
    Latitude 31.89127
  ]
  node [
    id 465
    label "Fort Valley"
    geocode_append "Georgia"
    Country "United States"
    Longitude -83.88741
    Internal 1
    Latitude 32.55376
  ]
  node [
    id 466
    label "Tuskagee"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.69162
    Internal 1
    Latitude 32.42403
  ]
  node [
    id 467
    label "Auburn"
    geocode_append "Alabama"
    Country "United States"
    Longitude -85.48078
    Internal 1
    Latitude 32.60986
  ]
  node [
    id 468
    label "Johnston"
    Country "United States"
    Longitude -81.80094
    Internal 1
    Latitude 33.83208
  ]
  node [
    id 469
    label "Augusta"
    geocode_append "Georgia"
    Country "United States"
    Longitude -81.97484
    Internal 1
    Latitude 33.47097
  ]
  node [
    id 470
    label "Winnsboro"
    Country "United States"
    Longitude -81.08648
    Internal 1
    Latitude 34.3807
  ]
  node [
    id 471
    label "Columbia"
    Country "United States"
    Longitude -81.03481
    Internal 1
    Latitude 34.00071
  ]
  node [
    id 472
    label "Chattanooga"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -85.30968
    Internal 1
    Latitude 35.04563
  ]
  node [
    id 473
    label "Charlotte"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -80.84313
    Internal 1
    Latitude 35.22709
  ]
  node [
    id 474
    label "Winston-Salem"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -80.24422
    Internal 1
    Latitude 36.09986
  ]
  node [
    id 475
    label "Mooresville"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -80.81007
    Internal 1
    Latitude 35.58486
  ]
  node [
    id 476
    label "Barnesville"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.15575
    Internal 1
    Latitude 33.05457
  ]
  node [
    id 477
    label "Thomaston"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.32659
    Internal 1
    Latitude 32.88819
  ]
  node [
    id 478
    label "Griffin"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.26409
    Internal 1
    Latitude 33.24678
  ]
  node [
    id 479
    label "Smyrna"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.51438
    Internal 1
    Latitude 33.88399
  ]
  node [
    id 480
    label "Arlington"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.72492
    Internal 1
    Latitude 31.4399
  ]
  node [
    id 481
    label "Albany"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.15574
    Internal 1
    Latitude 31.57851
  ]
  node [
    id 482
    label "Americus"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.23269
    Internal 1
    Latitude 32.07239
  ]
  node [
    id 483
    label "Macon"
    geocode_append "Georgia"
    Country "United States"
    Longitude -83.6324
    Internal 1
    Latitude 32.84069
  ]
  node [
    id 484
    label "Marietta"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.54993
    Internal 1
    Latitude 33.9526
  ]
  node [
    id 485
    label "Alpharette"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.21242
    Internal 1
    Latitude 34.0751
  ]
  node [
    id 486
    label "Manchester"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.61993
    Internal 1
    Latitude 32.85985
  ]
  node [
    id 487
    label "Louisville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.75941
    Internal 1
    Latitude 38.25424
  ]
  node [
    id 488
    label "Woodville"
    geocode_append "Texas"
    Country "United States"
    Longitude -94.41548
    Internal 1
    Latitude 30.7752
  ]
  node [
    id 489
    label "Bardsdtown"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.4669
    Internal 1
    Latitude 37.80923
  ]
  node [
    id 490
    label "Fort Knox"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.96363
    Internal 1
    Latitude 37.89113
  ]
  node [
    id 491
    label "Frankfort"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.87328
    Internal 1
    Latitude 38.20091
  ]
  node [
    id 492
    label "Shelbyville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -85.22357
    Internal 1
    Latitude 38.21201
  ]
  node [
    id 493
    label "Georgetown"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.55883
    Internal 1
    Latitude 38.2098
  ]
  node [
    id 494
    label "Lexington"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.47772
    Internal 1
    Latitude 37.98869
  ]
  node [
    id 495
    label "Winchester"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.17965
    Internal 1
    Latitude 37.99008
  ]
  node [
    id 496
    label "Paris"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -84.25299
    Internal 1
    Latitude 38.2098
  ]
  node [
    id 497
    label "Logansport"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.35667
    Internal 1
    Latitude 40.75448
  ]
  node [
    id 498
    label "Kokomo"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.1336
    Internal 1
    Latitude 40.48643
  ]
  node [
    id 499
    label "Bedford"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.48721
    Internal 1
    Latitude 38.86116
  ]
  node [
    id 500
    label "Mitchell"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.4736
    Internal 1
    Latitude 38.73283
  ]
  node [
    id 501
    label "Paoli"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.46832
    Internal 1
    Latitude 38.55617
  ]
  node [
    id 502
    label "French Lick"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.61999
    Internal 1
    Latitude 38.54894
  ]
  node [
    id 503
    label "Loogootee"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.91417
    Internal 1
    Latitude 38.67699
  ]
  node [
    id 504
    label "Jasper"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.93111
    Internal 1
    Latitude 38.39144
  ]
  node [
    id 505
    label "Remington"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.15085
    Internal 1
    Latitude 40.76087
  ]
  node [
    id 506
    label "Wolcott"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.04168
    Internal 1
    Latitude 40.75809
  ]
  node [
    id 507
    label "Naperville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.14729
    Internal 1
    Latitude 41.78586
  ]
  node [
    id 508
    label "Elgin"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.28119
    Internal 1
    Latitude 42.03725
  ]
  node [
    id 509
    label "Schaumburg"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.08341
    Internal 1
    Latitude 42.03336
  ]
  node [
    id 510
    label "West Chicago"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.20396
    Internal 1
    Latitude 41.88475
  ]
  node [
    id 511
    label "Skokie"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.73339
    Internal 1
    Latitude 42.03336
  ]
  node [
    id 512
    label "Chicago"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.65005
    Internal 1
    Latitude 41.85003
  ]
  node [
    id 513
    label "Libertyville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.95313
    Internal 1
    Latitude 42.28308
  ]
  node [
    id 514
    label "Northbrook"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.82895
    Internal 1
    Latitude 42.12753
  ]
  node [
    id 515
    label "Racine"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -87.78285
    Internal 1
    Latitude 42.72613
  ]
  node [
    id 516
    label "Kenosha"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -87.82119
    Internal 1
    Latitude 42.58474
  ]
  node [
    id 517
    label "Athens"
    geocode_append "Texas"
    Country "United States"
    Longitude -95.85552
    Internal 1
    Latitude 32.20487
  ]
  node [
    id 518
    label "Dallas"
    geocode_append "Texas"
    Country "United States"
    Longitude -96.80667
    Internal 1
    Latitude 32.78306
  ]
  node [
    id 519
    label "Jackson"
    geocode_append "Michigan"
    Country "United States"
    Longitude -84.40135
    Internal 1
    Latitude 42.24587
  ]
  node [
    id 520
    label "Minden"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -93.28684
    Internal 1
    Latitude 32.61543
  ]
  node [
    id 521
    label "Canton"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.03512
    Internal 1
    Latitude 40.55809
  ]
  node [
    id 522
    label "Quincy"
    geocode_append "Illinois"
    Country "United States"
    Longitude -91.40987
    Internal 1
    Latitude 39.9356
  ]
  node [
    id 523
    label "Litchfield"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.65426
    Internal 1
    Latitude 39.17533
  ]
  node [
    id 524
    label "Lansing"
    geocode_append "Michigan"
    Country "United States"
    Longitude -84.55553
    Internal 1
    Latitude 42.73254
  ]
  node [
    id 525
    label "Lafayette"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.87529
    Internal 1
    Latitude 40.4167
  ]
  node [
    id 526
    label "Crawfordsville"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.87445
    Internal 1
    Latitude 40.04115
  ]
  node [
    id 527
    label "Jacksonville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.22901
    Internal 1
    Latitude 39.73394
  ]
  node [
    id 528
    label "Macomb"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.6718
    Internal 1
    Latitude 40.45921
  ]
  node [
    id 529
    label "Mattoon"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.37283
    Internal 1
    Latitude 39.48309
  ]
  node [
    id 530
    label "Effingham"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.54338
    Internal 1
    Latitude 39.12004
  ]
  node [
    id 531
    label "Leesville"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -93.261
    Internal 1
    Latitude 31.14352
  ]
  node [
    id 532
    label "Natchitoches"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -93.08627
    Internal 1
    Latitude 31.76072
  ]
  node [
    id 533
    label "Shreveport"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -93.75018
    Internal 1
    Latitude 32.52515
  ]
  node [
    id 534
    label "Merrill"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -89.68346
    Internal 1
    Latitude 45.18052
  ]
  node [
    id 535
    label "Baton Rouge"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -91.15455
    Internal 1
    Latitude 30.45075
  ]
  node [
    id 536
    label "Lafayette"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -92.01984
    Internal 1
    Latitude 30.22409
  ]
  node [
    id 537
    label "Opelousas"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -92.08151
    Internal 1
    Latitude 30.53353
  ]
  node [
    id 538
    label "Alexandria"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -92.44514
    Internal 1
    Latitude 31.31129
  ]
  node [
    id 539
    label "Rochester"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -92.4699
    Internal 1
    Latitude 44.02163
  ]
  node [
    id 540
    label "Owatonna"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -93.22604
    Internal 1
    Latitude 44.08385
  ]
  node [
    id 541
    label "Lake Charles"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -93.2044
    Internal 1
    Latitude 30.21309
  ]
  node [
    id 542
    label "Jennings"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -92.65708
    Internal 1
    Latitude 30.22243
  ]
  node [
    id 543
    label "Tomah"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -90.50402
    Internal 1
    Latitude 43.97858
  ]
  node [
    id 544
    label "Middletown"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.39828
    Internal 1
    Latitude 39.51506
  ]
  node [
    id 545
    label "Winona"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -91.63932
    Internal 1
    Latitude 44.04996
  ]
  node [
    id 546
    label "Wabasha"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -92.03294
    Internal 1
    Latitude 44.38386
  ]
  node [
    id 547
    label "Traverse City"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.62063
    Internal 1
    Latitude 44.76306
  ]
  node [
    id 548
    label "Repton"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.23915
    Internal 1
    Latitude 31.40906
  ]
  node [
    id 549
    label "Morrilton"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -92.74405
    Internal 1
    Latitude 35.15092
  ]
  node [
    id 550
    label "Fontana Village"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -83.81906
    Internal 1
    Latitude 35.43564
  ]
  node [
    id 551
    label "Sevierville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -83.56184
    Internal 1
    Latitude 35.86815
  ]
  node [
    id 552
    label "Alabaster"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.81638
    Internal 1
    Latitude 33.24428
  ]
  node [
    id 553
    label "Birmingham"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.80249
    Internal 1
    Latitude 33.52066
  ]
  node [
    id 554
    label "Tuscaloosa"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.56917
    Internal 1
    Latitude 33.20984
  ]
  node [
    id 555
    label "Jasper"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.27751
    Internal 1
    Latitude 33.83122
  ]
  node [
    id 556
    label "Pinson"
    geocode_append "Alabama"
    Country "United States"
    Longitude -86.68332
    Internal 1
    Latitude 33.68899
  ]
  node [
    id 557
    label "Selma"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.0211
    Internal 1
    Latitude 32.40736
  ]
  node [
    id 558
    label "Greensboro"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.59584
    Internal 1
    Latitude 32.70458
  ]
  node [
    id 559
    label "Linden"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.79807
    Internal 1
    Latitude 32.30625
  ]
  node [
    id 560
    label "Demopolis"
    geocode_append "Alabama"
    Country "United States"
    Longitude -87.8364
    Internal 1
    Latitude 32.51764
  ]
  node [
    id 561
    label "York"
    geocode_append "Alabama"
    Country "United States"
    Longitude -88.29642
    Internal 1
    Latitude 32.48625
  ]
  node [
    id 562
    label "Sealy"
    geocode_append "Texas"
    Country "United States"
    Longitude -96.15718
    Internal 1
    Latitude 29.78079
  ]
  node [
    id 563
    label "Plymouth"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.30973
    Internal 1
    Latitude 41.34366
  ]
  node [
    id 564
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 565
    label "Mount Vernon"
    geocode_append "Missouri"
    Country "United States"
    Longitude -93.81854
    Internal 1
    Latitude 37.10367
  ]
  node [
    id 566
    label "San Antonio"
    geocode_append "Texas"
    Country "United States"
    Longitude -98.49363
    Internal 1
    Latitude 29.42412
  ]
  node [
    id 567
    label "Marietta"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.45484
    Internal 1
    Latitude 39.41535
  ]
  node [
    id 568
    label "Parkersburg"
    Country "United States"
    Longitude -81.56151
    Internal 1
    Latitude 39.26674
  ]
  node [
    id 569
    label "Johnstown"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -78.92197
    Internal 1
    Latitude 40.32674
  ]
  node [
    id 570
    label "Manassas"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.47527
    Internal 1
    Latitude 38.75095
  ]
  node [
    id 571
    label "Washington DC"
    geocode_append "Maryland"
    Country "United States"
    Longitude -77.03637
    Internal 1
    Latitude 38.89511
  ]
  node [
    id 572
    label "Winchester"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.16333
    Internal 1
    Latitude 39.18566
  ]
  node [
    id 573
    label "Front Royal"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.19444
    Internal 1
    Latitude 38.91817
  ]
  node [
    id 574
    label "Frederick"
    geocode_append "Maryland"
    Country "United States"
    Longitude -77.41054
    Internal 1
    Latitude 39.41427
  ]
  node [
    id 575
    label "Martinsburg"
    Country "United States"
    Longitude -77.96389
    Internal 1
    Latitude 39.45621
  ]
  node [
    id 576
    label "Ashburn"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.48749
    Internal 1
    Latitude 39.04372
  ]
  node [
    id 577
    label "Leesburg"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.5636
    Internal 1
    Latitude 39.11566
  ]
  node [
    id 578
    label "Dayton"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.19161
    Internal 1
    Latitude 39.75895
  ]
  node [
    id 579
    label "Fredericksburg"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.46054
    Internal 1
    Latitude 38.30318
  ]
  node [
    id 580
    label "Culpeper"
    geocode_append "Virginia"
    Country "United States"
    Longitude -77.99666
    Internal 1
    Latitude 38.47318
  ]
  node [
    id 581
    label "Newark"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.40126
    Internal 1
    Latitude 40.05812
  ]
  node [
    id 582
    label "Conway"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -92.4421
    Internal 1
    Latitude 35.0887
  ]
  node [
    id 583
    label "Searcy"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -91.73625
    Internal 1
    Latitude 35.25064
  ]
  node [
    id 584
    label "Biscoe"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -91.4043
    Internal 1
    Latitude 34.82093
  ]
  node [
    id 585
    label "Elaine"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.85205
    Internal 1
    Latitude 34.30844
  ]
  node [
    id 586
    label "Cookeville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -85.50164
    Internal 1
    Latitude 36.16284
  ]
  node [
    id 587
    label "Hot Springs"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -93.05518
    Internal 1
    Latitude 34.5037
  ]
  node [
    id 588
    label "Little Rock"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -92.28959
    Internal 1
    Latitude 34.74648
  ]
  node [
    id 589
    label "Pine Bluff"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -92.0032
    Internal 1
    Latitude 34.22843
  ]
  node [
    id 590
    label "Tullahoma"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.20943
    Internal 1
    Latitude 35.36202
  ]
  node [
    id 591
    label "Manchester"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.0886
    Internal 1
    Latitude 35.48174
  ]
  node [
    id 592
    label "McMinnville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -85.76998
    Internal 1
    Latitude 35.6834
  ]
  node [
    id 593
    label "Greensburg"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -79.53893
    Internal 1
    Latitude 40.30146
  ]
  node [
    id 594
    label "Nashville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.78444
    Internal 1
    Latitude 36.16589
  ]
  node [
    id 595
    label "Lebanon"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.2911
    Internal 1
    Latitude 36.20811
  ]
  node [
    id 596
    label "Shelbyville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.46027
    Internal 1
    Latitude 35.48341
  ]
  node [
    id 597
    label "Lynchburg"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -86.37416
    Internal 1
    Latitude 35.28314
  ]
  node [
    id 598
    label "Austin"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.74306
    Internal 1
    Latitude 30.26715
  ]
  node [
    id 599
    label "San Marcos"
    geocode_append "Texas"
    Country "United States"
    Longitude -97.94139
    Internal 1
    Latitude 29.88327
  ]
  node [
    id 600
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 601
    label "Grand Haven"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.22839
    Internal 1
    Latitude 43.06307
  ]
  node [
    id 602
    label "Muskegon"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.24839
    Internal 1
    Latitude 43.23418
  ]
  node [
    id 603
    label "Grand Rapids"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.66809
    Internal 1
    Latitude 42.96336
  ]
  node [
    id 604
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 605
    label "Shippenville"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -79.45949
    Internal 1
    Latitude 41.25034
  ]
  node [
    id 606
    label "Franklin"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -79.83144
    Internal 1
    Latitude 41.39784
  ]
  node [
    id 607
    label "Meadville"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -80.15145
    Internal 1
    Latitude 41.64144
  ]
  node [
    id 608
    label "Erie"
    geocode_append "Pennsylvania"
    Country "United States"
    Longitude -80.08506
    Internal 1
    Latitude 42.12922
  ]
  node [
    id 609
    label "Carrollton"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.82081
    Internal 1
    Latitude 39.7056
  ]
  node [
    id 610
    label "Benton"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -92.58683
    Internal 1
    Latitude 34.56454
  ]
  node [
    id 611
    label "North Vernon"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.62358
    Internal 1
    Latitude 39.00616
  ]
  node [
    id 612
    label "Seymour"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.89025
    Internal 1
    Latitude 38.95922
  ]
  node [
    id 613
    label "Franklin"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.05499
    Internal 1
    Latitude 39.48061
  ]
  node [
    id 614
    label "Scottsburg"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.77025
    Internal 1
    Latitude 38.68561
  ]
  node [
    id 615
    label "Battle Creek"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.17971
    Internal 1
    Latitude 42.32115
  ]
  node [
    id 616
    label "Holland"
    geocode_append "Michigan"
    Country "United States"
    Longitude -86.10893
    Internal 1
    Latitude 42.78752
  ]
  node [
    id 617
    label "Pipestone"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -96.31753
    Internal 1
    Latitude 44.00053
  ]
  node [
    id 618
    label "Marshall"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -95.78835
    Internal 1
    Latitude 44.4469
  ]
  node [
    id 619
    label "Granite Falls"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -95.54558
    Internal 1
    Latitude 44.80996
  ]
  node [
    id 620
    label "Montevideo"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -95.72364
    Internal 1
    Latitude 44.94246
  ]
  node [
    id 621
    label "Dodgeville"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -90.13012
    Internal 1
    Latitude 42.96027
  ]
  node [
    id 622
    label "Scales Mound"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.2529
    Internal 1
    Latitude 42.47584
  ]
  node [
    id 623
    label "Freeport"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.62123
    Internal 1
    Latitude 42.29669
  ]
  node [
    id 624
    label "Rockford"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.094
    Internal 1
    Latitude 42.27113
  ]
  node [
    id 625
    label "Luverne"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -96.21281
    Internal 1
    Latitude 43.65414
  ]
  node [
    id 626
    label "Sioux Falls"
    Country "United States"
    Longitude -96.70033
    Internal 1
    Latitude 43.54997
  ]
  node [
    id 627
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 628
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 629
    label "Malvern"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -92.81295
    Internal 1
    Latitude 34.36231
  ]
  node [
    id 630
    label "Smithville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -85.81415
    Internal 1
    Latitude 35.96062
  ]
  node [
    id 631
    label "Allendale"
    Country "United States"
    Longitude -81.30844
    Internal 1
    Latitude 33.00793
  ]
  node [
    id 632
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 633
    label "Estill"
    Country "United States"
    Longitude -81.24205
    Internal 1
    Latitude 32.75489
  ]
  node [
    id 634
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 635
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 636
    label "None"
    hyperedge 1
    Internal 1
  ]
  node [
    id 637
    label "Lincolton"
    geocode_append "North Carolina"
    Country "United States"
    Longitude -81.25453
    Internal 1
    Latitude 35.47374
  ]
  node [
    id 638
    label "Dalton"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.97022
    Internal 1
    Latitude 34.7698
  ]
  node [
    id 639
    label "West Memphis"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.18454
    Internal 1
    Latitude 35.14648
  ]
  node [
    id 640
    label "Marks"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.27204
    Internal 1
    Latitude 34.2565
  ]
  node [
    id 641
    label "Greenwood"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.17953
    Internal 1
    Latitude 33.51623
  ]
  node [
    id 642
    label "Yazoo City"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.40565
    Internal 1
    Latitude 32.85513
  ]
  node [
    id 643
    label "Helena"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.59177
    Internal 1
    Latitude 34.52955
  ]
  node [
    id 644
    label "Marienna"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.75761
    Internal 1
    Latitude 34.77371
  ]
  node [
    id 645
    label "Forrest City"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.78983
    Internal 1
    Latitude 35.00815
  ]
  node [
    id 646
    label "Tunica"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -90.38288
    Internal 1
    Latitude 34.68455
  ]
  node [
    id 647
    label "Clarendon"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -91.31374
    Internal 1
    Latitude 34.69315
  ]
  node [
    id 648
    label "Marvell"
    geocode_append "Arkansas"
    Country "United States"
    Longitude -90.91289
    Internal 1
    Latitude 34.55566
  ]
  node [
    id 649
    label "Neosho"
    geocode_append "Missouri"
    Country "United States"
    Longitude -94.368
    Internal 1
    Latitude 36.86896
  ]
  node [
    id 650
    label "McLeansboro"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.53561
    Internal 1
    Latitude 38.09338
  ]
  node [
    id 651
    label "Mt Vernon"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.90312
    Internal 1
    Latitude 38.31727
  ]
  node [
    id 652
    label "Centralia"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.1334
    Internal 1
    Latitude 38.52505
  ]
  node [
    id 653
    label "Salem"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.94562
    Internal 1
    Latitude 38.62699
  ]
  node [
    id 654
    label "Edwardsville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.95316
    Internal 1
    Latitude 38.81144
  ]
  node [
    id 655
    label "Collinsville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.98455
    Internal 1
    Latitude 38.67033
  ]
  node [
    id 656
    label "Fairfield"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.35977
    Internal 1
    Latitude 38.37894
  ]
  node [
    id 657
    label "Carmi?"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.15865
    Internal 1
    Latitude 38.09088
  ]
  node [
    id 658
    label "Olney"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.08532
    Internal 1
    Latitude 38.73088
  ]
  node [
    id 659
    label "Flora"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.4856
    Internal 1
    Latitude 38.66894
  ]
  node [
    id 660
    label "Malden"
    geocode_append "Missouri"
    Country "United States"
    Longitude -89.96648
    Internal 1
    Latitude 36.557
  ]
  node [
    id 661
    label "Dexter"
    geocode_append "Missouri"
    Country "United States"
    Longitude -89.95787
    Internal 1
    Latitude 36.79589
  ]
  node [
    id 662
    label "Sikeston"
    geocode_append "Missouri"
    Country "United States"
    Longitude -89.58786
    Internal 1
    Latitude 36.87672
  ]
  node [
    id 663
    label "Cape Girardeau"
    geocode_append "Missouri"
    Country "United States"
    Longitude -89.51815
    Internal 1
    Latitude 37.30588
  ]
  node [
    id 664
    label "Perry"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.74541
    Internal 1
    Latitude 39.7831
  ]
  node [
    id 665
    label "Ruston"
    geocode_append "Louisiana"
    Country "United States"
    Longitude -92.63793
    Internal 1
    Latitude 32.52321
  ]
  node [
    id 666
    label "Kalamazoo"
    geocode_append "Michigan"
    Country "United States"
    Longitude -85.58723
    Internal 1
    Latitude 42.29171
  ]
  node [
    id 667
    label "Rome"
    geocode_append "Georgia"
    Country "United States"
    Longitude -85.16467
    Internal 1
    Latitude 34.25704
  ]
  node [
    id 668
    label "Cottondale"
    geocode_append "Florida"
    Country "United States"
    Longitude -85.3766
    Internal 1
    Latitude 30.79714
  ]
  node [
    id 669
    label "Pensacola"
    geocode_append "Florida"
    Country "United States"
    Longitude -87.21691
    Internal 1
    Latitude 30.42131
  ]
  node [
    id 670
    label "Meridian"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -88.70366
    Internal 1
    Latitude 32.36431
  ]
  node [
    id 671
    label "Lynchburg"
    geocode_append "Virginia"
    Country "United States"
    Longitude -79.14225
    Internal 1
    Latitude 37.41375
  ]
  node [
    id 672
    label "Charlottesville"
    geocode_append "Virginia"
    Country "United States"
    Longitude -78.47668
    Internal 1
    Latitude 38.02931
  ]
  node [
    id 673
    label "Whitesburg"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -82.82683
    Internal 1
    Latitude 37.11843
  ]
  node [
    id 674
    label "Pikeville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -82.51876
    Internal 1
    Latitude 37.47927
  ]
  node [
    id 675
    label "Norton"
    geocode_append "Virginia"
    Country "United States"
    Longitude -82.62905
    Internal 1
    Latitude 36.93343
  ]
  node [
    id 676
    label "Pennington Gap"
    geocode_append "Virginia"
    Country "United States"
    Longitude -83.02711
    Internal 1
    Latitude 36.75842
  ]
  node [
    id 677
    label "Hazard"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.19323
    Internal 1
    Latitude 37.24954
  ]
  node [
    id 678
    label "Hyden"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.37324
    Internal 1
    Latitude 37.16093
  ]
  node [
    id 679
    label "Manchester"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.76186
    Internal 1
    Latitude 37.1537
  ]
  node [
    id 680
    label "Barbourville"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -83.88881
    Internal 1
    Latitude 36.86648
  ]
  node [
    id 681
    label "Baldwin"
    geocode_append "Florida"
    Country "United States"
    Longitude -81.97539
    Internal 1
    Latitude 30.30274
  ]
  node [
    id 682
    label "Jesup"
    geocode_append "Georgia"
    Country "United States"
    Longitude -81.88539
    Internal 1
    Latitude 31.60744
  ]
  node [
    id 683
    label "Lake City"
    geocode_append "Florida"
    Country "United States"
    Longitude -82.63929
    Internal 1
    Latitude 30.18968
  ]
  node [
    id 684
    label "Jacksonville"
    geocode_append "Florida"
    Country "United States"
    Longitude -81.65565
    Internal 1
    Latitude 30.33218
  ]
  node [
    id 685
    label "Greenville"
    geocode_append "Florida"
    Country "United States"
    Longitude -83.63015
    Internal 1
    Latitude 30.46937
  ]
  node [
    id 686
    label "Live Oak"
    geocode_append "Florida"
    Country "United States"
    Longitude -82.98402
    Internal 1
    Latitude 30.29495
  ]
  node [
    id 687
    label "Oxford"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.51925
    Internal 1
    Latitude 34.3665
  ]
  node [
    id 688
    label "Columbus"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -88.42726
    Internal 1
    Latitude 33.49567
  ]
  node [
    id 689
    label "Starkville"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -88.81839
    Internal 1
    Latitude 33.4504
  ]
  node [
    id 690
    label "Springfield"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.64371
    Internal 1
    Latitude 39.80172
  ]
  node [
    id 691
    label "West Point"
    geocode_append "Georgia"
    Country "United States"
    Longitude -85.18327
    Internal 1
    Latitude 32.87791
  ]
  node [
    id 692
    label "La Grange"
    geocode_append "Georgia"
    Country "United States"
    Longitude -85.03133
    Internal 1
    Latitude 33.03929
  ]
  node [
    id 693
    label "Carrollton"
    geocode_append "Georgia"
    Country "United States"
    Longitude -85.07661
    Internal 1
    Latitude 33.58011
  ]
  node [
    id 694
    label "Louisville"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.05506
    Internal 1
    Latitude 33.12374
  ]
  node [
    id 695
    label "Cartersville"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.79994
    Internal 1
    Latitude 34.1651
  ]
  node [
    id 696
    label "Dunwoody"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.33465
    Internal 1
    Latitude 33.94621
  ]
  node [
    id 697
    label "Atlanta"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.38798
    Internal 1
    Latitude 33.749
  ]
  node [
    id 698
    label "Norcross"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.21353
    Internal 1
    Latitude 33.94121
  ]
  node [
    id 699
    label "Collierville"
    geocode_append "Tennessee"
    Country "United States"
    Longitude -89.66453
    Internal 1
    Latitude 35.04204
  ]
  node [
    id 700
    label "Columbus"
    geocode_append "Georgia"
    Country "United States"
    Longitude -84.98771
    Internal 1
    Latitude 32.46098
  ]
  node [
    id 701
    label "Holly Springs"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -89.44869
    Internal 1
    Latitude 34.7676
  ]
  node [
    id 702
    label "Corinth"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -88.52227
    Internal 1
    Latitude 34.93425
  ]
  node [
    id 703
    label "Tupolo"
    geocode_append "Mississippi"
    Country "United States"
    Longitude -88.70339
    Internal 1
    Latitude 34.25761
  ]
  node [
    id 704
    label "Champaign"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.24338
    Internal 1
    Latitude 40.11642
  ]
  node [
    id 705
    label "Wickliffe"
    geocode_append "Kentucky"
    Country "United States"
    Longitude -89.08923
    Internal 1
    Latitude 36.96478
  ]
  node [
    id 706
    label "Xenia"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.92965
    Internal 1
    Latitude 39.68478
  ]
  node [
    id 707
    label "Centerville"
    geocode_append "Ohio"
    Country "United States"
    Longitude -84.15938
    Internal 1
    Latitude 39.62839
  ]
  node [
    id 708
    label "Duluth"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -92.10658
    Internal 1
    Latitude 46.78327
  ]
  node [
    id 709
    label "Delaware"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.06796
    Internal 1
    Latitude 40.29867
  ]
  node [
    id 710
    label "Marysville"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.36714
    Internal 1
    Latitude 40.23645
  ]
  node [
    id 711
    label "Bellefontaine"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.75966
    Internal 1
    Latitude 40.36116
  ]
  node [
    id 712
    label "Springfield"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.80882
    Internal 1
    Latitude 39.92423
  ]
  node [
    id 713
    label "Portsmouth"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.99767
    Internal 1
    Latitude 38.73174
  ]
  node [
    id 714
    label "Chillicothe"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.9824
    Internal 1
    Latitude 39.33312
  ]
  node [
    id 715
    label "Columbus"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.99879
    Internal 1
    Latitude 39.96118
  ]
  node [
    id 716
    label "Worthington"
    geocode_append "Ohio"
    Country "United States"
    Longitude -83.01796
    Internal 1
    Latitude 40.09312
  ]
  node [
    id 717
    label "Sheboygan"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -87.71453
    Internal 1
    Latitude 43.75083
  ]
  node [
    id 718
    label "Manitowoc"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -87.65758
    Internal 1
    Latitude 44.08861
  ]
  node [
    id 719
    label "Brookfield"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.10648
    Internal 1
    Latitude 43.06057
  ]
  node [
    id 720
    label "West Bend"
    geocode_append "Wisconsin"
    Country "United States"
    Longitude -88.18343
    Internal 1
    Latitude 43.42528
  ]
  node [
    id 721
    label "Lancaster"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.59933
    Internal 1
    Latitude 39.71368
  ]
  node [
    id 722
    label "Wheeling"
    Country "United States"
    Longitude -80.72091
    Internal 1
    Latitude 40.06396
  ]
  node [
    id 723
    label "North Manchester"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.7686
    Internal 1
    Latitude 41.0006
  ]
  node [
    id 724
    label "Wabash"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.82054
    Internal 1
    Latitude 40.79782
  ]
  node [
    id 725
    label "Marion"
    geocode_append "Indiana"
    Country "United States"
    geocode_id "4923210"
    Internal 1
    Longitude -85.65914
    Latitude 40.55837
  ]
  node [
    id 726
    label "Peru"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.06888
    Internal 1
    Latitude 40.75365
  ]
  node [
    id 727
    label "Warsaw"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.85305
    Internal 1
    Latitude 41.2381
  ]
  node [
    id 728
    label "Columbia City"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.48831
    Internal 1
    Latitude 41.15727
  ]
  node [
    id 729
    label "Fort Wayne"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.12886
    Internal 1
    Latitude 41.1306
  ]
  node [
    id 730
    label "Huntington"
    geocode_append "Indiana"
    Country "United States"
    Longitude -85.49748
    Internal 1
    Latitude 40.8831
  ]
  node [
    id 731
    label "Princeton"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.46481
    Internal 1
    Latitude 41.36809
  ]
  node [
    id 732
    label "Zanesville"
    geocode_append "Ohio"
    Country "United States"
    Longitude -82.01319
    Internal 1
    Latitude 39.94035
  ]
  node [
    id 733
    label "Westfield"
    geocode_append "Indiana"
    Country "United States"
    Longitude -86.12749
    Internal 1
    Latitude 40.04282
  ]
  node [
    id 734
    label "Danville"
    geocode_append "Illinois"
    Country "United States"
    Longitude -87.63002
    Internal 1
    Latitude 40.12448
  ]
  node [
    id 735
    label "Montrose"
    geocode_append "Ohio"
    Country "United States"
    Longitude -81.64378
    Internal 1
    Latitude 41.1538
  ]
  node [
    id 736
    label "Du Quoin"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.23619
    Internal 1
    Latitude 38.01144
  ]
  node [
    id 737
    label "St Cloud"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -94.16249
    Internal 1
    Latitude 45.5608
  ]
  node [
    id 738
    label "McGregor"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -93.31384
    Internal 1
    Latitude 46.60662
  ]
  node [
    id 739
    label "Terre Haute"
    geocode_append "Indiana"
    Country "United States"
    Longitude -87.41391
    Internal 1
    Latitude 39.4667
  ]
  node [
    id 740
    label "Bloomington"
    geocode_append "Illinois"
    Country "United States"
    Longitude -88.99369
    Internal 1
    Latitude 40.4842
  ]
  node [
    id 741
    label "Peoria"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.58899
    Internal 1
    Latitude 40.69365
  ]
  node [
    id 742
    label "Galesburg"
    geocode_append "Illinois"
    Country "United States"
    Longitude -90.37124
    Internal 1
    Latitude 40.94782
  ]
  node [
    id 743
    label "Moline"
    Country "United States"
    Longitude -90.51513
    Internal 1
    Latitude 41.5067
  ]
  node [
    id 744
    label "Sheffield"
    geocode_append "Illinois"
    Country "United States"
    Longitude -89.73732
    Internal 1
    Latitude 41.35837
  ]
  node [
    id 745
    label "Springfield"
    geocode_append "Missouri"
    Country "United States"
    Longitude -93.29824
    Internal 1
    Latitude 37.21533
  ]
  node [
    id 746
    label "Fargo"
    Country "United States"
    Longitude -96.7898
    Internal 1
    Latitude 46.87719
  ]
  node [
    id 747
    label "Moorhead"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -96.76758
    Internal 1
    Latitude 46.87385
  ]
  node [
    id 748
    label "Fergus Falls"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -96.07756
    Internal 1
    Latitude 46.28302
  ]
  node [
    id 749
    label "Alexandria"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -95.37754
    Internal 1
    Latitude 45.88524
  ]
  node [
    id 750
    label "Freeport"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -94.69001
    Internal 1
    Latitude 45.66274
  ]
  node [
    id 751
    label "Lebanon"
    geocode_append "Missouri"
    Country "United States"
    Longitude -92.66379
    Internal 1
    Latitude 37.6806
  ]
  node [
    id 752
    label "Little Falls"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -94.3625
    Internal 1
    Latitude 45.97635
  ]
  node [
    id 753
    label "Brainerd"
    geocode_append "Minnesota"
    Country "United States"
    Longitude -94.20083
    Internal 1
    Latitude 46.35802
  ]
  edge [
    source 0
    target 237
    id "e714"
  ]
  edge [
    source 0
    target 751
    id "e713"
  ]
  edge [
    source 1
    target 3
    id "e722"
  ]
  edge [
    source 1
    target 117
    id "e723"
  ]
  edge [
    source 2
    target 441
    id "e705"
  ]
  edge [
    source 2
    target 4
    id "e706"
  ]
  edge [
    source 3
    target 120
    id "e721"
  ]
  edge [
    source 4
    target 649
    id "e707"
  ]
  edge [
    source 5
    target 317
    id "e52"
  ]
  edge [
    source 5
    target 719
    id "e51"
  ]
  edge [
    source 6
    target 308
    id "e54"
  ]
  edge [
    source 6
    target 719
    id "e53"
  ]
  edge [
    source 7
    target 512
    id "e79"
  ]
  edge [
    source 7
    target 244
    id "e126"
  ]
  edge [
    source 8
    target 9
    id "e694"
  ]
  edge [
    source 8
    target 449
    id "e695"
  ]
  edge [
    source 9
    target 220
    id "e681"
  ]
  edge [
    source 10
    target 272
    id "e39"
  ]
  edge [
    source 10
    target 11
    id "e40"
  ]
  edge [
    source 11
    target 57
    id "e41"
  ]
  edge [
    source 12
    target 562
    id "e691"
  ]
  edge [
    source 12
    target 70
    id "e690"
  ]
  edge [
    source 13
    target 57
    id "e42"
  ]
  edge [
    source 13
    target 14
    id "e43"
  ]
  edge [
    source 14
    target 15
    id "e44"
  ]
  edge [
    source 15
    target 16
    id "e46"
  ]
  edge [
    source 15
    target 16
    id "e45"
  ]
  edge [
    source 16
    target 17
    id "e49"
  ]
  edge [
    source 16
    target 718
    id "e48"
  ]
  edge [
    source 16
    target 311
    id "e47"
  ]
  edge [
    source 17
    target 348
    id "e50"
  ]
  edge [
    source 18
    target 43
    id "e211"
  ]
  edge [
    source 18
    target 42
    id "e210"
  ]
  edge [
    source 18
    target 339
    id "e214"
  ]
  edge [
    source 18
    target 487
    id "e213"
  ]
  edge [
    source 19
    target 504
    id "e215"
  ]
  edge [
    source 19
    target 43
    id "e212"
  ]
  edge [
    source 20
    target 634
    id "e729"
  ]
  edge [
    source 20
    target 654
    id "e728"
  ]
  edge [
    source 21
    target 245
    id "e708"
  ]
  edge [
    source 21
    target 118
    id "e727"
  ]
  edge [
    source 22
    target 666
    id "e837"
  ]
  edge [
    source 22
    target 603
    id "e838"
  ]
  edge [
    source 22
    target 524
    id "e836"
  ]
  edge [
    source 23
    target 393
    id "e807"
  ]
  edge [
    source 23
    target 25
    id "e808"
  ]
  edge [
    source 24
    target 490
    id "e218"
  ]
  edge [
    source 24
    target 628
    id "e217"
  ]
  edge [
    source 24
    target 487
    id "e216"
  ]
  edge [
    source 25
    target 171
    id "e805"
  ]
  edge [
    source 25
    target 172
    id "e806"
  ]
  edge [
    source 25
    target 84
    id "e810"
  ]
  edge [
    source 25
    target 373
    id "e811"
  ]
  edge [
    source 25
    target 374
    id "e809"
  ]
  edge [
    source 26
    target 27
    id "e116"
  ]
  edge [
    source 26
    target 214
    id "e117"
  ]
  edge [
    source 27
    target 32
    id "e113"
  ]
  edge [
    source 28
    target 224
    id "e529"
  ]
  edge [
    source 28
    target 230
    id "e530"
  ]
  edge [
    source 29
    target 230
    id "e531"
  ]
  edge [
    source 30
    target 33
    id "e110"
  ]
  edge [
    source 30
    target 31
    id "e109"
  ]
  edge [
    source 31
    target 109
    id "e108"
  ]
  edge [
    source 32
    target 33
    id "e111"
  ]
  edge [
    source 32
    target 743
    id "e114"
  ]
  edge [
    source 32
    target 742
    id "e112"
  ]
  edge [
    source 32
    target 211
    id "e115"
  ]
  edge [
    source 34
    target 35
    id "e521"
  ]
  edge [
    source 34
    target 37
    id "e520"
  ]
  edge [
    source 35
    target 40
    id "e522"
  ]
  edge [
    source 35
    target 594
    id "e429"
  ]
  edge [
    source 36
    target 52
    id "e517"
  ]
  edge [
    source 36
    target 37
    id "e519"
  ]
  edge [
    source 38
    target 241
    id "e120"
  ]
  edge [
    source 38
    target 39
    id "e119"
  ]
  edge [
    source 39
    target 624
    id "e86"
  ]
  edge [
    source 39
    target 211
    id "e118"
  ]
  edge [
    source 40
    target 41
    id "e524"
  ]
  edge [
    source 40
    target 228
    id "e523"
  ]
  edge [
    source 41
    target 225
    id "e527"
  ]
  edge [
    source 41
    target 226
    id "e526"
  ]
  edge [
    source 41
    target 223
    id "e525"
  ]
  edge [
    source 42
    target 614
    id "e209"
  ]
  edge [
    source 44
    target 250
    id "e500"
  ]
  edge [
    source 44
    target 47
    id "e506"
  ]
  edge [
    source 45
    target 50
    id "e508"
  ]
  edge [
    source 45
    target 46
    id "e504"
  ]
  edge [
    source 46
    target 47
    id "e505"
  ]
  edge [
    source 47
    target 52
    id "e507"
  ]
  edge [
    source 48
    target 51
    id "e511"
  ]
  edge [
    source 48
    target 164
    id "e514"
  ]
  edge [
    source 49
    target 490
    id "e221"
  ]
  edge [
    source 49
    target 51
    id "e512"
  ]
  edge [
    source 49
    target 52
    id "e515"
  ]
  edge [
    source 50
    target 296
    id "e510"
  ]
  edge [
    source 50
    target 628
    id "e509"
  ]
  edge [
    source 51
    target 52
    id "e513"
  ]
  edge [
    source 52
    target 230
    id "e518"
  ]
  edge [
    source 52
    target 53
    id "e516"
  ]
  edge [
    source 54
    target 68
    id "e278"
  ]
  edge [
    source 54
    target 318
    id "e255"
  ]
  edge [
    source 54
    target 567
    id "e277"
  ]
  edge [
    source 55
    target 56
    id "e693"
  ]
  edge [
    source 55
    target 562
    id "e692"
  ]
  edge [
    source 56
    target 140
    id "e667"
  ]
  edge [
    source 58
    target 579
    id "e315"
  ]
  edge [
    source 58
    target 59
    id "e317"
  ]
  edge [
    source 59
    target 340
    id "e318"
  ]
  edge [
    source 60
    target 347
    id "e876"
  ]
  edge [
    source 60
    target 455
    id "e451"
  ]
  edge [
    source 60
    target 359
    id "e457"
  ]
  edge [
    source 61
    target 579
    id "e316"
  ]
  edge [
    source 61
    target 62
    id "e319"
  ]
  edge [
    source 62
    target 160
    id "e320"
  ]
  edge [
    source 62
    target 65
    id "e322"
  ]
  edge [
    source 62
    target 63
    id "e321"
  ]
  edge [
    source 63
    target 155
    id "e324"
  ]
  edge [
    source 63
    target 350
    id "e323"
  ]
  edge [
    source 64
    target 112
    id "e443"
  ]
  edge [
    source 64
    target 564
    id "e875"
  ]
  edge [
    source 64
    target 279
    id "e404"
  ]
  edge [
    source 65
    target 66
    id "e326"
  ]
  edge [
    source 66
    target 67
    id "e327"
  ]
  edge [
    source 67
    target 114
    id "e328"
  ]
  edge [
    source 68
    target 721
    id "e279"
  ]
  edge [
    source 69
    target 98
    id "e195"
  ]
  edge [
    source 69
    target 339
    id "e877"
  ]
  edge [
    source 69
    target 86
    id "e201"
  ]
  edge [
    source 70
    target 566
    id "e689"
  ]
  edge [
    source 71
    target 665
    id "e651"
  ]
  edge [
    source 71
    target 398
    id "e645"
  ]
  edge [
    source 71
    target 399
    id "e650"
  ]
  edge [
    source 72
    target 400
    id "e648"
  ]
  edge [
    source 72
    target 432
    id "e611"
  ]
  edge [
    source 73
    target 594
    id "e426"
  ]
  edge [
    source 73
    target 74
    id "e424"
  ]
  edge [
    source 74
    target 75
    id "e422"
  ]
  edge [
    source 74
    target 269
    id "e425"
  ]
  edge [
    source 74
    target 79
    id "e418"
  ]
  edge [
    source 75
    target 702
    id "e423"
  ]
  edge [
    source 76
    target 281
    id "e412"
  ]
  edge [
    source 76
    target 79
    id "e420"
  ]
  edge [
    source 77
    target 269
    id "e421"
  ]
  edge [
    source 78
    target 79
    id "e419"
  ]
  edge [
    source 80
    target 81
    id "e416"
  ]
  edge [
    source 80
    target 556
    id "e417"
  ]
  edge [
    source 81
    target 414
    id "e415"
  ]
  edge [
    source 82
    target 629
    id "e639"
  ]
  edge [
    source 82
    target 341
    id "e643"
  ]
  edge [
    source 83
    target 600
    id "e881"
  ]
  edge [
    source 83
    target 137
    id "e882"
  ]
  edge [
    source 83
    target 710
    id "e267"
  ]
  edge [
    source 84
    target 85
    id "e847"
  ]
  edge [
    source 84
    target 519
    id "e846"
  ]
  edge [
    source 85
    target 90
    id "e848"
  ]
  edge [
    source 86
    target 87
    id "e199"
  ]
  edge [
    source 87
    target 98
    id "e197"
  ]
  edge [
    source 87
    target 495
    id "e200"
  ]
  edge [
    source 88
    target 91
    id "e850"
  ]
  edge [
    source 89
    target 94
    id "e851"
  ]
  edge [
    source 90
    target 91
    id "e849"
  ]
  edge [
    source 92
    target 343
    id "e191"
  ]
  edge [
    source 92
    target 343
    id "e192"
  ]
  edge [
    source 93
    target 544
    id "e189"
  ]
  edge [
    source 93
    target 98
    id "e190"
  ]
  edge [
    source 94
    target 300
    id "e852"
  ]
  edge [
    source 95
    target 544
    id "e188"
  ]
  edge [
    source 95
    target 209
    id "e186"
  ]
  edge [
    source 95
    target 98
    id "e187"
  ]
  edge [
    source 96
    target 97
    id "e198"
  ]
  edge [
    source 96
    target 98
    id "e196"
  ]
  edge [
    source 97
    target 201
    id "e177"
  ]
  edge [
    source 98
    target 99
    id "e193"
  ]
  edge [
    source 99
    target 343
    id "e194"
  ]
  edge [
    source 100
    target 106
    id "e103"
  ]
  edge [
    source 100
    target 103
    id "e104"
  ]
  edge [
    source 101
    target 620
    id "e94"
  ]
  edge [
    source 101
    target 102
    id "e105"
  ]
  edge [
    source 102
    target 750
    id "e4"
  ]
  edge [
    source 103
    target 108
    id "e106"
  ]
  edge [
    source 104
    target 105
    id "e100"
  ]
  edge [
    source 104
    target 625
    id "e99"
  ]
  edge [
    source 105
    target 106
    id "e101"
  ]
  edge [
    source 106
    target 107
    id "e102"
  ]
  edge [
    source 106
    target 540
    id "e28"
  ]
  edge [
    source 107
    target 539
    id "e30"
  ]
  edge [
    source 108
    target 109
    id "e107"
  ]
  edge [
    source 110
    target 704
    id "e142"
  ]
  edge [
    source 110
    target 235
    id "e130"
  ]
  edge [
    source 111
    target 722
    id "e275"
  ]
  edge [
    source 111
    target 732
    id "e274"
  ]
  edge [
    source 112
    target 586
    id "e441"
  ]
  edge [
    source 112
    target 451
    id "e442"
  ]
  edge [
    source 113
    target 135
    id "e332"
  ]
  edge [
    source 113
    target 263
    id "e331"
  ]
  edge [
    source 114
    target 263
    id "e330"
  ]
  edge [
    source 115
    target 350
    id "e325"
  ]
  edge [
    source 115
    target 263
    id "e329"
  ]
  edge [
    source 116
    target 117
    id "e724"
  ]
  edge [
    source 116
    target 119
    id "e725"
  ]
  edge [
    source 118
    target 119
    id "e726"
  ]
  edge [
    source 120
    target 121
    id "e720"
  ]
  edge [
    source 121
    target 237
    id "e715"
  ]
  edge [
    source 122
    target 123
    id "e590"
  ]
  edge [
    source 122
    target 125
    id "e589"
  ]
  edge [
    source 123
    target 331
    id "e591"
  ]
  edge [
    source 124
    target 548
    id "e587"
  ]
  edge [
    source 124
    target 125
    id "e588"
  ]
  edge [
    source 125
    target 559
    id "e570"
  ]
  edge [
    source 126
    target 129
    id "e584"
  ]
  edge [
    source 126
    target 668
    id "e585"
  ]
  edge [
    source 127
    target 131
    id "e582"
  ]
  edge [
    source 127
    target 548
    id "e586"
  ]
  edge [
    source 128
    target 464
    id "e386"
  ]
  edge [
    source 128
    target 129
    id "e583"
  ]
  edge [
    source 128
    target 131
    id "e581"
  ]
  edge [
    source 130
    target 552
    id "e579"
  ]
  edge [
    source 130
    target 131
    id "e580"
  ]
  edge [
    source 131
    target 466
    id "e390"
  ]
  edge [
    source 131
    target 557
    id "e572"
  ]
  edge [
    source 132
    target 387
    id "e295"
  ]
  edge [
    source 132
    target 189
    id "e293"
  ]
  edge [
    source 133
    target 265
    id "e334"
  ]
  edge [
    source 133
    target 135
    id "e333"
  ]
  edge [
    source 134
    target 136
    id "e300"
  ]
  edge [
    source 134
    target 139
    id "e299"
  ]
  edge [
    source 136
    target 385
    id "e301"
  ]
  edge [
    source 137
    target 709
    id "e265"
  ]
  edge [
    source 137
    target 715
    id "e263"
  ]
  edge [
    source 138
    target 139
    id "e298"
  ]
  edge [
    source 139
    target 388
    id "e297"
  ]
  edge [
    source 140
    target 488
    id "e666"
  ]
  edge [
    source 140
    target 541
    id "e664"
  ]
  edge [
    source 141
    target 333
    id "e596"
  ]
  edge [
    source 141
    target 142
    id "e869"
  ]
  edge [
    source 142
    target 336
    id "e603"
  ]
  edge [
    source 143
    target 553
    id "e577"
  ]
  edge [
    source 143
    target 461
    id "e391"
  ]
  edge [
    source 143
    target 463
    id "e394"
  ]
  edge [
    source 144
    target 460
    id "e393"
  ]
  edge [
    source 144
    target 277
    id "e407"
  ]
  edge [
    source 145
    target 241
    id "e121"
  ]
  edge [
    source 145
    target 507
    id "e83"
  ]
  edge [
    source 145
    target 508
    id "e84"
  ]
  edge [
    source 146
    target 632
    id "e870"
  ]
  edge [
    source 147
    target 652
    id "e735"
  ]
  edge [
    source 147
    target 365
    id "e750"
  ]
  edge [
    source 147
    target 238
    id "e719"
  ]
  edge [
    source 147
    target 655
    id "e732"
  ]
  edge [
    source 148
    target 589
    id "e635"
  ]
  edge [
    source 148
    target 398
    id "e646"
  ]
  edge [
    source 149
    target 260
    id "e872"
  ]
  edge [
    source 149
    target 261
    id "e871"
  ]
  edge [
    source 149
    target 621
    id "e91"
  ]
  edge [
    source 150
    target 546
    id "e32"
  ]
  edge [
    source 150
    target 427
    id "e23"
  ]
  edge [
    source 151
    target 152
    id "e475"
  ]
  edge [
    source 151
    target 354
    id "e466"
  ]
  edge [
    source 151
    target 158
    id "e476"
  ]
  edge [
    source 151
    target 262
    id "e477"
  ]
  edge [
    source 152
    target 153
    id "e474"
  ]
  edge [
    source 153
    target 154
    id "e471"
  ]
  edge [
    source 153
    target 671
    id "e473"
  ]
  edge [
    source 154
    target 262
    id "e472"
  ]
  edge [
    source 154
    target 319
    id "e253"
  ]
  edge [
    source 155
    target 156
    id "e480"
  ]
  edge [
    source 156
    target 157
    id "e479"
  ]
  edge [
    source 157
    target 158
    id "e478"
  ]
  edge [
    source 159
    target 160
    id "e481"
  ]
  edge [
    source 159
    target 671
    id "e482"
  ]
  edge [
    source 161
    target 162
    id "e770"
  ]
  edge [
    source 161
    target 170
    id "e768"
  ]
  edge [
    source 161
    target 503
    id "e769"
  ]
  edge [
    source 162
    target 200
    id "e175"
  ]
  edge [
    source 162
    target 499
    id "e771"
  ]
  edge [
    source 162
    target 613
    id "e208"
  ]
  edge [
    source 163
    target 361
    id "e759"
  ]
  edge [
    source 163
    target 604
    id "e760"
  ]
  edge [
    source 164
    target 168
    id "e762"
  ]
  edge [
    source 164
    target 165
    id "e761"
  ]
  edge [
    source 165
    target 504
    id "e764"
  ]
  edge [
    source 165
    target 166
    id "e763"
  ]
  edge [
    source 166
    target 167
    id "e765"
  ]
  edge [
    source 167
    target 168
    id "e766"
  ]
  edge [
    source 167
    target 503
    id "e767"
  ]
  edge [
    source 169
    target 658
    id "e737"
  ]
  edge [
    source 171
    target 174
    id "e804"
  ]
  edge [
    source 173
    target 600
    id "e802"
  ]
  edge [
    source 173
    target 729
    id "e788"
  ]
  edge [
    source 173
    target 174
    id "e803"
  ]
  edge [
    source 175
    target 176
    id "e800"
  ]
  edge [
    source 175
    target 393
    id "e799"
  ]
  edge [
    source 176
    target 338
    id "e801"
  ]
  edge [
    source 177
    target 178
    id "e797"
  ]
  edge [
    source 177
    target 285
    id "e795"
  ]
  edge [
    source 178
    target 616
    id "e798"
  ]
  edge [
    source 179
    target 674
    id "e252"
  ]
  edge [
    source 179
    target 180
    id "e251"
  ]
  edge [
    source 180
    target 181
    id "e250"
  ]
  edge [
    source 181
    target 182
    id "e247"
  ]
  edge [
    source 182
    target 319
    id "e248"
  ]
  edge [
    source 182
    target 318
    id "e249"
  ]
  edge [
    source 182
    target 183
    id "e246"
  ]
  edge [
    source 183
    target 184
    id "e245"
  ]
  edge [
    source 184
    target 713
    id "e244"
  ]
  edge [
    source 184
    target 186
    id "e243"
  ]
  edge [
    source 185
    target 496
    id "e228"
  ]
  edge [
    source 185
    target 292
    id "e232"
  ]
  edge [
    source 186
    target 292
    id "e231"
  ]
  edge [
    source 187
    target 344
    id "e892"
  ]
  edge [
    source 187
    target 363
    id "e891"
  ]
  edge [
    source 187
    target 188
    id "e895"
  ]
  edge [
    source 188
    target 193
    id "e894"
  ]
  edge [
    source 189
    target 389
    id "e292"
  ]
  edge [
    source 189
    target 190
    id "e291"
  ]
  edge [
    source 190
    target 191
    id "e290"
  ]
  edge [
    source 191
    target 192
    id "e289"
  ]
  edge [
    source 192
    target 346
    id "e288"
  ]
  edge [
    source 193
    target 348
    id "e893"
  ]
  edge [
    source 194
    target 569
    id "e285"
  ]
  edge [
    source 194
    target 605
    id "e287"
  ]
  edge [
    source 195
    target 392
    id "e883"
  ]
  edge [
    source 195
    target 246
    id "e128"
  ]
  edge [
    source 195
    target 244
    id "e129"
  ]
  edge [
    source 195
    target 285
    id "e796"
  ]
  edge [
    source 195
    target 198
    id "e889"
  ]
  edge [
    source 196
    target 384
    id "e887"
  ]
  edge [
    source 196
    target 729
    id "e790"
  ]
  edge [
    source 196
    target 666
    id "e868"
  ]
  edge [
    source 196
    target 198
    id "e888"
  ]
  edge [
    source 196
    target 383
    id "e886"
  ]
  edge [
    source 197
    target 593
    id "e283"
  ]
  edge [
    source 197
    target 367
    id "e281"
  ]
  edge [
    source 197
    target 415
    id "e282"
  ]
  edge [
    source 199
    target 513
    id "e70"
  ]
  edge [
    source 199
    target 514
    id "e72"
  ]
  edge [
    source 199
    target 511
    id "e73"
  ]
  edge [
    source 200
    target 408
    id "e170"
  ]
  edge [
    source 200
    target 203
    id "e174"
  ]
  edge [
    source 201
    target 408
    id "e171"
  ]
  edge [
    source 201
    target 613
    id "e176"
  ]
  edge [
    source 201
    target 206
    id "e178"
  ]
  edge [
    source 202
    target 408
    id "e169"
  ]
  edge [
    source 202
    target 203
    id "e173"
  ]
  edge [
    source 204
    target 408
    id "e172"
  ]
  edge [
    source 204
    target 205
    id "e184"
  ]
  edge [
    source 204
    target 207
    id "e181"
  ]
  edge [
    source 205
    target 725
    id "e185"
  ]
  edge [
    source 206
    target 208
    id "e179"
  ]
  edge [
    source 206
    target 207
    id "e180"
  ]
  edge [
    source 207
    target 208
    id "e182"
  ]
  edge [
    source 207
    target 209
    id "e183"
  ]
  edge [
    source 210
    target 249
    id "e502"
  ]
  edge [
    source 210
    target 250
    id "e501"
  ]
  edge [
    source 210
    target 372
    id "e878"
  ]
  edge [
    source 212
    target 213
    id "e685"
  ]
  edge [
    source 212
    target 598
    id "e686"
  ]
  edge [
    source 213
    target 221
    id "e684"
  ]
  edge [
    source 214
    target 622
    id "e90"
  ]
  edge [
    source 215
    target 216
    id "e678"
  ]
  edge [
    source 215
    target 218
    id "e679"
  ]
  edge [
    source 216
    target 518
    id "e675"
  ]
  edge [
    source 217
    target 218
    id "e680"
  ]
  edge [
    source 217
    target 341
    id "e644"
  ]
  edge [
    source 219
    target 220
    id "e682"
  ]
  edge [
    source 219
    target 518
    id "e677"
  ]
  edge [
    source 221
    target 222
    id "e683"
  ]
  edge [
    source 222
    target 518
    id "e676"
  ]
  edge [
    source 223
    target 224
    id "e528"
  ]
  edge [
    source 225
    target 228
    id "e539"
  ]
  edge [
    source 226
    target 231
    id "e537"
  ]
  edge [
    source 227
    target 234
    id "e541"
  ]
  edge [
    source 227
    target 231
    id "e538"
  ]
  edge [
    source 228
    target 391
    id "e540"
  ]
  edge [
    source 229
    target 230
    id "e532"
  ]
  edge [
    source 230
    target 705
    id "e533"
  ]
  edge [
    source 231
    target 705
    id "e536"
  ]
  edge [
    source 232
    target 705
    id "e534"
  ]
  edge [
    source 232
    target 636
    id "e535"
  ]
  edge [
    source 233
    target 640
    id "e544"
  ]
  edge [
    source 233
    target 390
    id "e546"
  ]
  edge [
    source 233
    target 391
    id "e547"
  ]
  edge [
    source 233
    target 234
    id "e542"
  ]
  edge [
    source 233
    target 302
    id "e543"
  ]
  edge [
    source 233
    target 639
    id "e545"
  ]
  edge [
    source 235
    target 512
    id "e75"
  ]
  edge [
    source 236
    target 744
    id "e132"
  ]
  edge [
    source 236
    target 731
    id "e131"
  ]
  edge [
    source 236
    target 239
    id "e123"
  ]
  edge [
    source 237
    target 238
    id "e717"
  ]
  edge [
    source 237
    target 238
    id "e716"
  ]
  edge [
    source 238
    target 634
    id "e718"
  ]
  edge [
    source 239
    target 512
    id "e78"
  ]
  edge [
    source 240
    target 505
    id "e125"
  ]
  edge [
    source 240
    target 242
    id "e122"
  ]
  edge [
    source 240
    target 243
    id "e124"
  ]
  edge [
    source 241
    target 624
    id "e87"
  ]
  edge [
    source 242
    target 512
    id "e77"
  ]
  edge [
    source 243
    target 246
    id "e127"
  ]
  edge [
    source 245
    target 649
    id "e709"
  ]
  edge [
    source 245
    target 565
    id "e710"
  ]
  edge [
    source 247
    target 408
    id "e168"
  ]
  edge [
    source 247
    target 417
    id "e163"
  ]
  edge [
    source 248
    target 409
    id "e824"
  ]
  edge [
    source 248
    target 407
    id "e823"
  ]
  edge [
    source 249
    target 372
    id "e503"
  ]
  edge [
    source 250
    target 253
    id "e499"
  ]
  edge [
    source 251
    target 673
    id "e484"
  ]
  edge [
    source 251
    target 252
    id "e497"
  ]
  edge [
    source 252
    target 680
    id "e492"
  ]
  edge [
    source 252
    target 257
    id "e496"
  ]
  edge [
    source 252
    target 254
    id "e498"
  ]
  edge [
    source 253
    target 594
    id "e428"
  ]
  edge [
    source 255
    target 256
    id "e494"
  ]
  edge [
    source 255
    target 258
    id "e495"
  ]
  edge [
    source 256
    target 680
    id "e493"
  ]
  edge [
    source 258
    target 288
    id "e237"
  ]
  edge [
    source 259
    target 611
    id "e203"
  ]
  edge [
    source 259
    target 614
    id "e204"
  ]
  edge [
    source 260
    target 312
    id "e59"
  ]
  edge [
    source 261
    target 342
    id "e873"
  ]
  edge [
    source 261
    target 543
    id "e36"
  ]
  edge [
    source 262
    target 352
    id "e470"
  ]
  edge [
    source 264
    target 265
    id "e335"
  ]
  edge [
    source 264
    target 271
    id "e336"
  ]
  edge [
    source 266
    target 594
    id "e430"
  ]
  edge [
    source 266
    target 268
    id "e874"
  ]
  edge [
    source 267
    target 368
    id "e757"
  ]
  edge [
    source 267
    target 650
    id "e744"
  ]
  edge [
    source 267
    target 651
    id "e745"
  ]
  edge [
    source 268
    target 596
    id "e434"
  ]
  edge [
    source 268
    target 590
    id "e436"
  ]
  edge [
    source 269
    target 596
    id "e433"
  ]
  edge [
    source 270
    target 474
    id "e338"
  ]
  edge [
    source 270
    target 271
    id "e337"
  ]
  edge [
    source 272
    target 534
    id "e38"
  ]
  edge [
    source 273
    target 529
    id "e157"
  ]
  edge [
    source 273
    target 739
    id "e160"
  ]
  edge [
    source 274
    target 281
    id "e411"
  ]
  edge [
    source 274
    target 275
    id "e413"
  ]
  edge [
    source 275
    target 414
    id "e414"
  ]
  edge [
    source 276
    target 282
    id "e406"
  ]
  edge [
    source 276
    target 277
    id "e405"
  ]
  edge [
    source 278
    target 345
    id "e402"
  ]
  edge [
    source 278
    target 638
    id "e398"
  ]
  edge [
    source 279
    target 345
    id "e403"
  ]
  edge [
    source 280
    target 281
    id "e410"
  ]
  edge [
    source 280
    target 283
    id "e409"
  ]
  edge [
    source 282
    target 283
    id "e408"
  ]
  edge [
    source 284
    target 428
    id "e26"
  ]
  edge [
    source 284
    target 427
    id "e25"
  ]
  edge [
    source 284
    target 540
    id "e27"
  ]
  edge [
    source 286
    target 289
    id "e238"
  ]
  edge [
    source 287
    target 289
    id "e239"
  ]
  edge [
    source 287
    target 294
    id "e240"
  ]
  edge [
    source 287
    target 295
    id "e241"
  ]
  edge [
    source 288
    target 293
    id "e235"
  ]
  edge [
    source 290
    target 291
    id "e236"
  ]
  edge [
    source 290
    target 293
    id "e234"
  ]
  edge [
    source 290
    target 494
    id "e226"
  ]
  edge [
    source 292
    target 495
    id "e229"
  ]
  edge [
    source 293
    target 677
    id "e233"
  ]
  edge [
    source 293
    target 495
    id "e230"
  ]
  edge [
    source 294
    target 674
    id "e242"
  ]
  edge [
    source 296
    target 372
    id "e879"
  ]
  edge [
    source 296
    target 628
    id "e880"
  ]
  edge [
    source 297
    target 298
    id "e862"
  ]
  edge [
    source 297
    target 660
    id "e863"
  ]
  edge [
    source 298
    target 302
    id "e861"
  ]
  edge [
    source 299
    target 682
    id "e351"
  ]
  edge [
    source 299
    target 684
    id "e352"
  ]
  edge [
    source 300
    target 301
    id "e859"
  ]
  edge [
    source 300
    target 303
    id "e860"
  ]
  edge [
    source 301
    target 602
    id "e841"
  ]
  edge [
    source 303
    target 305
    id "e856"
  ]
  edge [
    source 304
    target 305
    id "e857"
  ]
  edge [
    source 304
    target 547
    id "e855"
  ]
  edge [
    source 305
    target 547
    id "e854"
  ]
  edge [
    source 306
    target 602
    id "e842"
  ]
  edge [
    source 306
    target 307
    id "e858"
  ]
  edge [
    source 307
    target 547
    id "e853"
  ]
  edge [
    source 308
    target 515
    id "e67"
  ]
  edge [
    source 309
    target 624
    id "e66"
  ]
  edge [
    source 309
    target 316
    id "e65"
  ]
  edge [
    source 310
    target 313
    id "e56"
  ]
  edge [
    source 310
    target 311
    id "e55"
  ]
  edge [
    source 311
    target 534
    id "e37"
  ]
  edge [
    source 312
    target 344
    id "e57"
  ]
  edge [
    source 312
    target 315
    id "e58"
  ]
  edge [
    source 313
    target 426
    id "e19"
  ]
  edge [
    source 314
    target 321
    id "e63"
  ]
  edge [
    source 314
    target 315
    id "e60"
  ]
  edge [
    source 314
    target 316
    id "e64"
  ]
  edge [
    source 315
    target 317
    id "e61"
  ]
  edge [
    source 315
    target 342
    id "e62"
  ]
  edge [
    source 318
    target 568
    id "e254"
  ]
  edge [
    source 320
    target 704
    id "e140"
  ]
  edge [
    source 320
    target 690
    id "e141"
  ]
  edge [
    source 321
    target 458
    id "e35"
  ]
  edge [
    source 321
    target 621
    id "e92"
  ]
  edge [
    source 322
    target 323
    id "e604"
  ]
  edge [
    source 322
    target 429
    id "e605"
  ]
  edge [
    source 323
    target 336
    id "e602"
  ]
  edge [
    source 324
    target 488
    id "e665"
  ]
  edge [
    source 324
    target 325
    id "e668"
  ]
  edge [
    source 325
    target 326
    id "e669"
  ]
  edge [
    source 326
    target 327
    id "e670"
  ]
  edge [
    source 327
    target 328
    id "e671"
  ]
  edge [
    source 327
    target 517
    id "e672"
  ]
  edge [
    source 328
    target 329
    id "e673"
  ]
  edge [
    source 329
    target 533
    id "e654"
  ]
  edge [
    source 330
    target 548
    id "e593"
  ]
  edge [
    source 330
    target 333
    id "e594"
  ]
  edge [
    source 331
    target 333
    id "e592"
  ]
  edge [
    source 332
    target 669
    id "e597"
  ]
  edge [
    source 332
    target 335
    id "e598"
  ]
  edge [
    source 333
    target 669
    id "e595"
  ]
  edge [
    source 334
    target 668
    id "e600"
  ]
  edge [
    source 335
    target 668
    id "e599"
  ]
  edge [
    source 337
    target 396
    id "e358"
  ]
  edge [
    source 337
    target 668
    id "e601"
  ]
  edge [
    source 338
    target 729
    id "e789"
  ]
  edge [
    source 338
    target 725
    id "e782"
  ]
  edge [
    source 339
    target 609
    id "e202"
  ]
  edge [
    source 343
    target 707
    id "e272"
  ]
  edge [
    source 345
    target 472
    id "e400"
  ]
  edge [
    source 346
    target 569
    id "e286"
  ]
  edge [
    source 347
    target 360
    id "e459"
  ]
  edge [
    source 347
    target 359
    id "e456"
  ]
  edge [
    source 349
    target 670
    id "e561"
  ]
  edge [
    source 349
    target 694
    id "e560"
  ]
  edge [
    source 351
    target 352
    id "e469"
  ]
  edge [
    source 351
    target 354
    id "e467"
  ]
  edge [
    source 353
    target 356
    id "e465"
  ]
  edge [
    source 353
    target 637
    id "e341"
  ]
  edge [
    source 354
    target 675
    id "e468"
  ]
  edge [
    source 354
    target 358
    id "e462"
  ]
  edge [
    source 355
    target 360
    id "e460"
  ]
  edge [
    source 355
    target 356
    id "e464"
  ]
  edge [
    source 357
    target 360
    id "e458"
  ]
  edge [
    source 357
    target 358
    id "e461"
  ]
  edge [
    source 358
    target 676
    id "e463"
  ]
  edge [
    source 361
    target 362
    id "e758"
  ]
  edge [
    source 362
    target 369
    id "e756"
  ]
  edge [
    source 363
    target 719
    id "e890"
  ]
  edge [
    source 364
    target 366
    id "e749"
  ]
  edge [
    source 365
    target 736
    id "e747"
  ]
  edge [
    source 365
    target 366
    id "e748"
  ]
  edge [
    source 367
    target 722
    id "e280"
  ]
  edge [
    source 368
    target 369
    id "e755"
  ]
  edge [
    source 369
    target 370
    id "e753"
  ]
  edge [
    source 370
    target 371
    id "e751"
  ]
  edge [
    source 370
    target 627
    id "e754"
  ]
  edge [
    source 371
    target 627
    id "e752"
  ]
  edge [
    source 373
    target 376
    id "e813"
  ]
  edge [
    source 374
    target 375
    id "e812"
  ]
  edge [
    source 375
    target 378
    id "e815"
  ]
  edge [
    source 376
    target 378
    id "e814"
  ]
  edge [
    source 377
    target 403
    id "e819"
  ]
  edge [
    source 377
    target 380
    id "e818"
  ]
  edge [
    source 378
    target 403
    id "e816"
  ]
  edge [
    source 378
    target 403
    id "e817"
  ]
  edge [
    source 379
    target 380
    id "e820"
  ]
  edge [
    source 379
    target 709
    id "e266"
  ]
  edge [
    source 381
    target 382
    id "e821"
  ]
  edge [
    source 381
    target 407
    id "e822"
  ]
  edge [
    source 383
    target 394
    id "e885"
  ]
  edge [
    source 384
    target 393
    id "e884"
  ]
  edge [
    source 385
    target 571
    id "e302"
  ]
  edge [
    source 386
    target 389
    id "e294"
  ]
  edge [
    source 386
    target 574
    id "e304"
  ]
  edge [
    source 386
    target 575
    id "e303"
  ]
  edge [
    source 387
    target 388
    id "e296"
  ]
  edge [
    source 390
    target 699
    id "e548"
  ]
  edge [
    source 390
    target 701
    id "e551"
  ]
  edge [
    source 391
    target 699
    id "e549"
  ]
  edge [
    source 392
    target 563
    id "e794"
  ]
  edge [
    source 392
    target 727
    id "e792"
  ]
  edge [
    source 393
    target 728
    id "e791"
  ]
  edge [
    source 395
    target 480
    id "e360"
  ]
  edge [
    source 395
    target 396
    id "e359"
  ]
  edge [
    source 396
    target 685
    id "e357"
  ]
  edge [
    source 397
    target 398
    id "e647"
  ]
  edge [
    source 399
    target 400
    id "e649"
  ]
  edge [
    source 400
    target 434
    id "e614"
  ]
  edge [
    source 401
    target 402
    id "e641"
  ]
  edge [
    source 401
    target 549
    id "e640"
  ]
  edge [
    source 402
    target 440
    id "e642"
  ]
  edge [
    source 403
    target 404
    id "e828"
  ]
  edge [
    source 403
    target 735
    id "e827"
  ]
  edge [
    source 404
    target 416
    id "e829"
  ]
  edge [
    source 405
    target 409
    id "e826"
  ]
  edge [
    source 405
    target 406
    id "e830"
  ]
  edge [
    source 406
    target 415
    id "e831"
  ]
  edge [
    source 408
    target 411
    id "e165"
  ]
  edge [
    source 408
    target 413
    id "e167"
  ]
  edge [
    source 409
    target 735
    id "e825"
  ]
  edge [
    source 410
    target 633
    id "e349"
  ]
  edge [
    source 410
    target 682
    id "e350"
  ]
  edge [
    source 411
    target 506
    id "e166"
  ]
  edge [
    source 412
    target 733
    id "e164"
  ]
  edge [
    source 412
    target 526
    id "e149"
  ]
  edge [
    source 416
    target 608
    id "e832"
  ]
  edge [
    source 417
    target 418
    id "e162"
  ]
  edge [
    source 418
    target 739
    id "e161"
  ]
  edge [
    source 419
    target 420
    id "e14"
  ]
  edge [
    source 419
    target 422
    id "e13"
  ]
  edge [
    source 420
    target 425
    id "e15"
  ]
  edge [
    source 421
    target 708
    id "e11"
  ]
  edge [
    source 421
    target 422
    id "e12"
  ]
  edge [
    source 423
    target 426
    id "e17"
  ]
  edge [
    source 423
    target 428
    id "e20"
  ]
  edge [
    source 424
    target 426
    id "e18"
  ]
  edge [
    source 424
    target 428
    id "e21"
  ]
  edge [
    source 424
    target 439
    id "e22"
  ]
  edge [
    source 425
    target 426
    id "e16"
  ]
  edge [
    source 427
    target 428
    id "e24"
  ]
  edge [
    source 428
    target 737
    id "e6"
  ]
  edge [
    source 429
    target 430
    id "e606"
  ]
  edge [
    source 429
    target 431
    id "e607"
  ]
  edge [
    source 430
    target 535
    id "e608"
  ]
  edge [
    source 431
    target 432
    id "e609"
  ]
  edge [
    source 432
    target 433
    id "e610"
  ]
  edge [
    source 432
    target 437
    id "e612"
  ]
  edge [
    source 433
    target 435
    id "e613"
  ]
  edge [
    source 434
    target 642
    id "e617"
  ]
  edge [
    source 434
    target 435
    id "e615"
  ]
  edge [
    source 434
    target 438
    id "e616"
  ]
  edge [
    source 436
    target 670
    id "e563"
  ]
  edge [
    source 437
    target 670
    id "e564"
  ]
  edge [
    source 438
    target 670
    id "e565"
  ]
  edge [
    source 440
    target 443
    id "e702"
  ]
  edge [
    source 440
    target 442
    id "e704"
  ]
  edge [
    source 441
    target 442
    id "e703"
  ]
  edge [
    source 443
    target 444
    id "e701"
  ]
  edge [
    source 444
    target 445
    id "e700"
  ]
  edge [
    source 445
    target 446
    id "e699"
  ]
  edge [
    source 446
    target 447
    id "e698"
  ]
  edge [
    source 447
    target 448
    id "e697"
  ]
  edge [
    source 448
    target 449
    id "e696"
  ]
  edge [
    source 450
    target 452
    id "e447"
  ]
  edge [
    source 450
    target 453
    id "e446"
  ]
  edge [
    source 451
    target 564
    id "e445"
  ]
  edge [
    source 451
    target 455
    id "e444"
  ]
  edge [
    source 452
    target 455
    id "e448"
  ]
  edge [
    source 452
    target 550
    id "e450"
  ]
  edge [
    source 452
    target 551
    id "e449"
  ]
  edge [
    source 454
    target 459
    id "e453"
  ]
  edge [
    source 454
    target 551
    id "e454"
  ]
  edge [
    source 455
    target 564
    id "e452"
  ]
  edge [
    source 456
    target 697
    id "e376"
  ]
  edge [
    source 456
    target 667
    id "e379"
  ]
  edge [
    source 456
    target 693
    id "e378"
  ]
  edge [
    source 457
    target 459
    id "e455"
  ]
  edge [
    source 458
    target 545
    id "e33"
  ]
  edge [
    source 458
    target 543
    id "e34"
  ]
  edge [
    source 460
    target 463
    id "e392"
  ]
  edge [
    source 461
    target 466
    id "e389"
  ]
  edge [
    source 462
    target 472
    id "e396"
  ]
  edge [
    source 462
    target 667
    id "e397"
  ]
  edge [
    source 462
    target 638
    id "e395"
  ]
  edge [
    source 464
    target 467
    id "e387"
  ]
  edge [
    source 465
    target 482
    id "e363"
  ]
  edge [
    source 465
    target 483
    id "e364"
  ]
  edge [
    source 466
    target 467
    id "e388"
  ]
  edge [
    source 467
    target 691
    id "e384"
  ]
  edge [
    source 468
    target 469
    id "e346"
  ]
  edge [
    source 468
    target 471
    id "e345"
  ]
  edge [
    source 469
    target 631
    id "e347"
  ]
  edge [
    source 470
    target 473
    id "e343"
  ]
  edge [
    source 470
    target 471
    id "e344"
  ]
  edge [
    source 472
    target 638
    id "e399"
  ]
  edge [
    source 472
    target 590
    id "e401"
  ]
  edge [
    source 473
    target 475
    id "e340"
  ]
  edge [
    source 473
    target 637
    id "e342"
  ]
  edge [
    source 474
    target 475
    id "e339"
  ]
  edge [
    source 476
    target 483
    id "e365"
  ]
  edge [
    source 476
    target 477
    id "e366"
  ]
  edge [
    source 476
    target 478
    id "e367"
  ]
  edge [
    source 477
    target 486
    id "e368"
  ]
  edge [
    source 478
    target 697
    id "e369"
  ]
  edge [
    source 479
    target 697
    id "e371"
  ]
  edge [
    source 479
    target 484
    id "e370"
  ]
  edge [
    source 480
    target 481
    id "e361"
  ]
  edge [
    source 481
    target 482
    id "e362"
  ]
  edge [
    source 484
    target 695
    id "e372"
  ]
  edge [
    source 485
    target 698
    id "e373"
  ]
  edge [
    source 486
    target 692
    id "e382"
  ]
  edge [
    source 486
    target 700
    id "e385"
  ]
  edge [
    source 487
    target 489
    id "e219"
  ]
  edge [
    source 487
    target 492
    id "e220"
  ]
  edge [
    source 489
    target 492
    id "e222"
  ]
  edge [
    source 491
    target 492
    id "e223"
  ]
  edge [
    source 491
    target 494
    id "e224"
  ]
  edge [
    source 493
    target 494
    id "e227"
  ]
  edge [
    source 494
    target 495
    id "e225"
  ]
  edge [
    source 497
    target 506
    id "e777"
  ]
  edge [
    source 497
    target 726
    id "e778"
  ]
  edge [
    source 498
    target 725
    id "e779"
  ]
  edge [
    source 498
    target 525
    id "e146"
  ]
  edge [
    source 499
    target 500
    id "e772"
  ]
  edge [
    source 499
    target 612
    id "e206"
  ]
  edge [
    source 500
    target 501
    id "e773"
  ]
  edge [
    source 501
    target 502
    id "e774"
  ]
  edge [
    source 502
    target 503
    id "e775"
  ]
  edge [
    source 505
    target 506
    id "e776"
  ]
  edge [
    source 505
    target 525
    id "e147"
  ]
  edge [
    source 507
    target 510
    id "e82"
  ]
  edge [
    source 508
    target 624
    id "e85"
  ]
  edge [
    source 508
    target 509
    id "e81"
  ]
  edge [
    source 509
    target 512
    id "e76"
  ]
  edge [
    source 509
    target 514
    id "e71"
  ]
  edge [
    source 509
    target 510
    id "e80"
  ]
  edge [
    source 511
    target 512
    id "e74"
  ]
  edge [
    source 513
    target 516
    id "e69"
  ]
  edge [
    source 515
    target 516
    id "e68"
  ]
  edge [
    source 517
    target 518
    id "e674"
  ]
  edge [
    source 519
    target 615
    id "e844"
  ]
  edge [
    source 520
    target 665
    id "e652"
  ]
  edge [
    source 520
    target 533
    id "e653"
  ]
  edge [
    source 521
    target 528
    id "e152"
  ]
  edge [
    source 521
    target 741
    id "e137"
  ]
  edge [
    source 522
    target 664
    id "e154"
  ]
  edge [
    source 522
    target 528
    id "e153"
  ]
  edge [
    source 523
    target 690
    id "e156"
  ]
  edge [
    source 523
    target 654
    id "e155"
  ]
  edge [
    source 525
    target 734
    id "e145"
  ]
  edge [
    source 525
    target 526
    id "e148"
  ]
  edge [
    source 527
    target 664
    id "e150"
  ]
  edge [
    source 527
    target 690
    id "e151"
  ]
  edge [
    source 529
    target 704
    id "e144"
  ]
  edge [
    source 529
    target 530
    id "e158"
  ]
  edge [
    source 530
    target 653
    id "e159"
  ]
  edge [
    source 531
    target 538
    id "e657"
  ]
  edge [
    source 531
    target 541
    id "e658"
  ]
  edge [
    source 532
    target 538
    id "e656"
  ]
  edge [
    source 532
    target 533
    id "e655"
  ]
  edge [
    source 535
    target 536
    id "e661"
  ]
  edge [
    source 536
    target 537
    id "e660"
  ]
  edge [
    source 536
    target 542
    id "e662"
  ]
  edge [
    source 537
    target 538
    id "e659"
  ]
  edge [
    source 539
    target 545
    id "e29"
  ]
  edge [
    source 541
    target 542
    id "e663"
  ]
  edge [
    source 545
    target 546
    id "e31"
  ]
  edge [
    source 549
    target 587
    id "e638"
  ]
  edge [
    source 549
    target 582
    id "e629"
  ]
  edge [
    source 552
    target 553
    id "e578"
  ]
  edge [
    source 553
    target 554
    id "e576"
  ]
  edge [
    source 553
    target 555
    id "e575"
  ]
  edge [
    source 553
    target 556
    id "e573"
  ]
  edge [
    source 554
    target 555
    id "e574"
  ]
  edge [
    source 554
    target 561
    id "e567"
  ]
  edge [
    source 557
    target 558
    id "e571"
  ]
  edge [
    source 558
    target 560
    id "e569"
  ]
  edge [
    source 559
    target 560
    id "e568"
  ]
  edge [
    source 559
    target 561
    id "e566"
  ]
  edge [
    source 561
    target 670
    id "e562"
  ]
  edge [
    source 563
    target 727
    id "e793"
  ]
  edge [
    source 565
    target 745
    id "e711"
  ]
  edge [
    source 566
    target 599
    id "e688"
  ]
  edge [
    source 567
    target 568
    id "e276"
  ]
  edge [
    source 569
    target 593
    id "e284"
  ]
  edge [
    source 570
    target 571
    id "e310"
  ]
  edge [
    source 570
    target 573
    id "e312"
  ]
  edge [
    source 571
    target 576
    id "e308"
  ]
  edge [
    source 571
    target 579
    id "e311"
  ]
  edge [
    source 572
    target 573
    id "e313"
  ]
  edge [
    source 572
    target 575
    id "e305"
  ]
  edge [
    source 574
    target 577
    id "e306"
  ]
  edge [
    source 576
    target 577
    id "e307"
  ]
  edge [
    source 576
    target 580
    id "e309"
  ]
  edge [
    source 578
    target 712
    id "e269"
  ]
  edge [
    source 578
    target 706
    id "e270"
  ]
  edge [
    source 578
    target 707
    id "e271"
  ]
  edge [
    source 580
    target 672
    id "e314"
  ]
  edge [
    source 581
    target 715
    id "e261"
  ]
  edge [
    source 581
    target 732
    id "e273"
  ]
  edge [
    source 582
    target 588
    id "e631"
  ]
  edge [
    source 582
    target 583
    id "e630"
  ]
  edge [
    source 583
    target 588
    id "e632"
  ]
  edge [
    source 584
    target 635
    id "e628"
  ]
  edge [
    source 584
    target 588
    id "e627"
  ]
  edge [
    source 585
    target 643
    id "e623"
  ]
  edge [
    source 586
    target 592
    id "e440"
  ]
  edge [
    source 586
    target 595
    id "e432"
  ]
  edge [
    source 587
    target 610
    id "e636"
  ]
  edge [
    source 587
    target 629
    id "e637"
  ]
  edge [
    source 588
    target 610
    id "e634"
  ]
  edge [
    source 588
    target 589
    id "e633"
  ]
  edge [
    source 590
    target 597
    id "e435"
  ]
  edge [
    source 590
    target 591
    id "e437"
  ]
  edge [
    source 591
    target 592
    id "e438"
  ]
  edge [
    source 592
    target 630
    id "e439"
  ]
  edge [
    source 594
    target 595
    id "e427"
  ]
  edge [
    source 595
    target 630
    id "e431"
  ]
  edge [
    source 598
    target 599
    id "e687"
  ]
  edge [
    source 600
    target 711
    id "e268"
  ]
  edge [
    source 601
    target 616
    id "e843"
  ]
  edge [
    source 601
    target 602
    id "e840"
  ]
  edge [
    source 602
    target 603
    id "e839"
  ]
  edge [
    source 604
    target 657
    id "e741"
  ]
  edge [
    source 604
    target 650
    id "e743"
  ]
  edge [
    source 605
    target 606
    id "e835"
  ]
  edge [
    source 606
    target 607
    id "e834"
  ]
  edge [
    source 607
    target 608
    id "e833"
  ]
  edge [
    source 611
    target 612
    id "e205"
  ]
  edge [
    source 613
    target 614
    id "e207"
  ]
  edge [
    source 615
    target 666
    id "e845"
  ]
  edge [
    source 617
    target 618
    id "e96"
  ]
  edge [
    source 617
    target 626
    id "e97"
  ]
  edge [
    source 618
    target 619
    id "e95"
  ]
  edge [
    source 619
    target 620
    id "e93"
  ]
  edge [
    source 622
    target 623
    id "e89"
  ]
  edge [
    source 623
    target 624
    id "e88"
  ]
  edge [
    source 625
    target 626
    id "e98"
  ]
  edge [
    source 627
    target 736
    id "e746"
  ]
  edge [
    source 631
    target 633
    id "e348"
  ]
  edge [
    source 632
    target 656
    id "e740"
  ]
  edge [
    source 632
    target 657
    id "e742"
  ]
  edge [
    source 634
    target 654
    id "e730"
  ]
  edge [
    source 634
    target 655
    id "e731"
  ]
  edge [
    source 635
    target 645
    id "e621"
  ]
  edge [
    source 635
    target 647
    id "e626"
  ]
  edge [
    source 636
    target 663
    id "e867"
  ]
  edge [
    source 638
    target 695
    id "e377"
  ]
  edge [
    source 639
    target 645
    id "e620"
  ]
  edge [
    source 640
    target 641
    id "e619"
  ]
  edge [
    source 641
    target 642
    id "e618"
  ]
  edge [
    source 643
    target 648
    id "e624"
  ]
  edge [
    source 643
    target 644
    id "e622"
  ]
  edge [
    source 646
    target 701
    id "e550"
  ]
  edge [
    source 646
    target 687
    id "e557"
  ]
  edge [
    source 647
    target 648
    id "e625"
  ]
  edge [
    source 651
    target 656
    id "e739"
  ]
  edge [
    source 651
    target 652
    id "e733"
  ]
  edge [
    source 652
    target 653
    id "e734"
  ]
  edge [
    source 653
    target 659
    id "e736"
  ]
  edge [
    source 658
    target 659
    id "e738"
  ]
  edge [
    source 660
    target 661
    id "e864"
  ]
  edge [
    source 661
    target 662
    id "e865"
  ]
  edge [
    source 662
    target 663
    id "e866"
  ]
  edge [
    source 670
    target 688
    id "e558"
  ]
  edge [
    source 671
    target 672
    id "e483"
  ]
  edge [
    source 673
    target 674
    id "e485"
  ]
  edge [
    source 674
    target 677
    id "e486"
  ]
  edge [
    source 675
    target 676
    id "e487"
  ]
  edge [
    source 676
    target 680
    id "e488"
  ]
  edge [
    source 677
    target 678
    id "e489"
  ]
  edge [
    source 678
    target 679
    id "e490"
  ]
  edge [
    source 679
    target 680
    id "e491"
  ]
  edge [
    source 681
    target 683
    id "e354"
  ]
  edge [
    source 681
    target 684
    id "e353"
  ]
  edge [
    source 683
    target 686
    id "e355"
  ]
  edge [
    source 685
    target 686
    id "e356"
  ]
  edge [
    source 687
    target 703
    id "e554"
  ]
  edge [
    source 688
    target 703
    id "e555"
  ]
  edge [
    source 689
    target 694
    id "e559"
  ]
  edge [
    source 689
    target 703
    id "e556"
  ]
  edge [
    source 690
    target 741
    id "e138"
  ]
  edge [
    source 691
    target 700
    id "e383"
  ]
  edge [
    source 691
    target 692
    id "e381"
  ]
  edge [
    source 692
    target 693
    id "e380"
  ]
  edge [
    source 696
    target 697
    id "e375"
  ]
  edge [
    source 696
    target 698
    id "e374"
  ]
  edge [
    source 701
    target 702
    id "e552"
  ]
  edge [
    source 702
    target 703
    id "e553"
  ]
  edge [
    source 704
    target 740
    id "e139"
  ]
  edge [
    source 704
    target 734
    id "e143"
  ]
  edge [
    source 706
    target 715
    id "e260"
  ]
  edge [
    source 708
    target 738
    id "e10"
  ]
  edge [
    source 709
    target 716
    id "e264"
  ]
  edge [
    source 712
    target 715
    id "e259"
  ]
  edge [
    source 713
    target 714
    id "e256"
  ]
  edge [
    source 714
    target 715
    id "e257"
  ]
  edge [
    source 715
    target 716
    id "e258"
  ]
  edge [
    source 715
    target 721
    id "e262"
  ]
  edge [
    source 717
    target 720
    id "e897"
  ]
  edge [
    source 717
    target 718
    id "e898"
  ]
  edge [
    source 719
    target 720
    id "e896"
  ]
  edge [
    source 723
    target 728
    id "e785"
  ]
  edge [
    source 723
    target 730
    id "e787"
  ]
  edge [
    source 723
    target 724
    id "e784"
  ]
  edge [
    source 723
    target 727
    id "e786"
  ]
  edge [
    source 724
    target 725
    id "e781"
  ]
  edge [
    source 724
    target 726
    id "e780"
  ]
  edge [
    source 725
    target 730
    id "e783"
  ]
  edge [
    source 731
    target 744
    id "e133"
  ]
  edge [
    source 737
    target 752
    id "e7"
  ]
  edge [
    source 737
    target 750
    id "e5"
  ]
  edge [
    source 738
    target 753
    id "e9"
  ]
  edge [
    source 740
    target 741
    id "e136"
  ]
  edge [
    source 741
    target 742
    id "e135"
  ]
  edge [
    source 743
    target 744
    id "e134"
  ]
  edge [
    source 745
    target 751
    id "e712"
  ]
  edge [
    source 746
    target 747
    id "e0"
  ]
  edge [
    source 747
    target 748
    id "e1"
  ]
  edge [
    source 748
    target 749
    id "e2"
  ]
  edge [
    source 749
    target 750
    id "e3"
  ]
  edge [
    source 752
    target 753
    id "e8"
  ]
]
